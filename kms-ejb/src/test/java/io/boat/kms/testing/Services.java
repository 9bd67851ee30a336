package io.boat.kms.testing;

import io.boat.kms.config.BoatConfig;
import io.boat.kms.secret.SecretLookup;
import io.boat.kms.secret.SecretService;
import io.boat.kms.store.SecretStore;
import io.boat.kms.store.routing.SecretStores;
import io.boat.kms.store.StoreMetadata;

/** Services wired by hand, as the container would, over {@link FakeEntities} and one store. */
public final class Services {

    private Services() {
    }

    /** Settings with the defaults BOAT ships, without a MicroProfile Config runtime. */
    public static BoatConfig config() {
        return new BoatConfig() {
            @Override
            public int orderMaxAttempts() {
                return 3;
            }

            @Override
            public int maxSecretBytes() {
                return 10000;
            }
        };
    }

    public static SecretStores stores(SecretStore store) {
        return new SecretStores() {
            @Override
            public SecretStore current() {
                return store;
            }

            @Override
            public SecretStore forMetadata(StoreMetadata metadata) {
                return store;
            }
        };
    }

    public static SecretService secretService(FakeEntities db, SecretStore store) {
        SecretService service = new SecretService();
        FakeEntities.inject(service, "em", db.entityManager());
        FakeEntities.inject(service, "stores", stores(store));
        FakeEntities.inject(service, "config", config());
        SecretLookup live = new SecretLookup();
        FakeEntities.inject(live, "em", db.entityManager());
        FakeEntities.inject(service, "live", live);
        return service;
    }
}
