package io.boat.kms.store.routing;

import io.boat.kms.config.BoatConfig;
import io.boat.kms.project.ProjectKekProvider;
import io.boat.kms.store.SecretStore;
import io.boat.kms.store.StoreMetadata;
import io.boat.kms.store.db.DatabaseSecretStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Picks the store new secrets go to ({@code boat.secret-store}: {@code database}, the default,
 * or {@code kmip}) and finds the store an existing secret was written to, by the name persisted
 * with it — so switching the default never strands secrets written before.
 */
@ApplicationScoped
public class SecretStores {

    private static final Logger LOG = Logger.getLogger(SecretStores.class.getName());

    @Inject
    BoatConfig config;

    @Inject
    KmipStoreFactory kmip;

    @Inject
    ProjectKekProvider projectKeks;

    private final Map<String, SecretStore> byName = new ConcurrentHashMap<>();
    private String defaultName;

    @PostConstruct
    void init() {
        byName.put(DatabaseSecretStore.NAME, new DatabaseSecretStore(projectKeks::kekFor));
        defaultName = config.secretStore().toLowerCase(Locale.ROOT);
        if (!byName.containsKey(defaultName)) {
            byName.put(defaultName, kmip.create(defaultName));
        }
        LOG.info(() -> "Secret store for new secrets: " + defaultName);
    }

    /** The store new secrets and generated keys go to. */
    public SecretStore current() {
        return byName.get(defaultName);
    }

    /** The store that wrote {@code metadata}. */
    public SecretStore forMetadata(StoreMetadata metadata) {
        SecretStore store = byName.get(metadata.storeName());
        if (store == null) {
            store = kmip.create(metadata.storeName());
            byName.put(metadata.storeName(), store);
        }
        return store;
    }
}
