package io.boat.kms.arquillian;

import io.boat.kms.crypto.SecretBytes;
import io.boat.kms.store.KeySpec;
import io.boat.kms.store.SecretContext;
import io.boat.kms.store.SecretKind;
import io.boat.kms.store.SecretStore;
import io.boat.kms.store.StoreMetadata;
import io.boat.kms.store.routing.SecretStores;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real store routing (database store, real master and project KEKs), enabled in the test WAR
 * in place of {@link SecretStores} so a test can tell whether a secret's payload was read from its
 * store at all: a refused release must stop before that read.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class ReadCountingSecretStores extends SecretStores {

    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

    /** How many times the payload of secret {@code secretId} was read from a store. */
    public int readsOf(String secretId) {
        AtomicInteger n = reads.get(secretId);
        return n == null ? 0 : n.get();
    }

    @Override
    public SecretStore forMetadata(StoreMetadata metadata) {
        return new Counting(super.forMetadata(metadata));
    }

    private final class Counting implements SecretStore {
        private final SecretStore store;

        Counting(SecretStore store) {
            this.store = store;
        }

        @Override
        public String name() {
            return store.name();
        }

        @Override
        public StoreMetadata generateSymmetricKey(KeySpec spec, SecretContext context) {
            return store.generateSymmetricKey(spec, context);
        }

        @Override
        public StoreMetadata store(SecretBytes material, SecretKind kind, SecretContext context) {
            return store.store(material, kind, context);
        }

        @Override
        public SecretBytes get(StoreMetadata metadata, SecretContext context) {
            reads.computeIfAbsent(context.secretId(), k -> new AtomicInteger()).incrementAndGet();
            return store.get(metadata, context);
        }

        @Override
        public void delete(StoreMetadata metadata, SecretContext context) {
            store.delete(metadata, context);
        }
    }
}
