package io.boat.kms.order;

import io.boat.kms.store.KeySpec;
import java.time.OffsetDateTime;

/** A validated {@code type: key} order; {@code metaJson} is the request's meta object, echoed on reads. */
public record NewKeyOrder(String metaJson, String name, KeySpec spec, OffsetDateTime expiration,
                          String payloadContentType) {
}
