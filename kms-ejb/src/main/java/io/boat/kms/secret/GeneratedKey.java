package io.boat.kms.secret;

import io.boat.kms.store.KeySpec;
import java.time.OffsetDateTime;

/** The secret an order asks the store to generate. */
public record GeneratedKey(String name, KeySpec spec, OffsetDateTime expiration, String contentType) {
}
