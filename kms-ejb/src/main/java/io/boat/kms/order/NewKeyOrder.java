package io.boat.kms.order;

import io.boat.kms.release.ReleasePolicy;
import io.boat.kms.store.KeySpec;
import java.time.OffsetDateTime;

/**
 * A validated {@code type: key} order; {@code metaJson} is the request's meta object, echoed on reads;
 * {@code releasePolicy} (null: none) is the policy the generated secret is born with.
 */
public record NewKeyOrder(String metaJson, String name, KeySpec spec, OffsetDateTime expiration,
                          String payloadContentType, ReleasePolicy releasePolicy) {

    public NewKeyOrder(String metaJson, String name, KeySpec spec, OffsetDateTime expiration, String payloadContentType) {
        this(metaJson, name, spec, expiration, payloadContentType, null);
    }
}
