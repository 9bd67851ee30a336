package io.boat.kms.order;

import io.boat.kms.store.SecretContext;
import io.boat.kms.store.StoreMetadata;
import io.boat.kms.store.routing.StoreMetadataCodec;

/**
 * A key generated in the store for an order, by the secret id it was generated for and what
 * the store returned: enough to turn it into the order's secret, or to destroy it.
 */
public record GeneratedKeyRef(SecretContext context, StoreMetadata metadata) {

    /** The key recorded on the order, or null. */
    static GeneratedKeyRef of(OrderEntity o) {
        if (o.generatedStoreMeta == null) {
            return null;
        }
        return new GeneratedKeyRef(new SecretContext(o.generatedSecretId, o.projectId()),
                StoreMetadataCodec.decode(o.generatedStoreMeta));
    }

    void recordOn(OrderEntity o) {
        o.generatedSecretId = context.secretId();
        o.generatedStoreMeta = StoreMetadataCodec.encode(metadata);
    }

    static void clear(OrderEntity o) {
        o.generatedSecretId = null;
        o.generatedStoreMeta = null;
    }
}
