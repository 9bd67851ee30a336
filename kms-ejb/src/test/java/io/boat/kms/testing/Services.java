package io.boat.kms.testing;

import io.boat.kms.project.MasterKek;
import io.boat.kms.secret.SecretLookup;
import io.boat.kms.secret.SecretService;
import io.boat.kms.store.SecretStore;
import io.boat.kms.store.StoreMetadata;
import io.boat.kms.store.routing.SecretStores;
import java.lang.reflect.Method;

/** Services wired by hand, as the container would, over {@link FakeEntities} and one store. */
public final class Services {

    private Services() {
    }

    /** Settings with the defaults BOAT ships, without a MicroProfile Config runtime. */
    public static TestConfig config() {
        return new TestConfig();
    }

    /** The master KEK as the container opens it at start, from (or into) {@code config}'s data directory. */
    public static MasterKek masterKek(TestConfig config) {
        MasterKek kek = new MasterKek();
        FakeEntities.inject(kek, "config", config);
        try {
            Method open = MasterKek.class.getDeclaredMethod("open");
            open.setAccessible(true);
            open.invoke(kek);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return kek;
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
