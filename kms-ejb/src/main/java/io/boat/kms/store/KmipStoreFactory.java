package io.boat.kms.store;

import io.boat.kms.config.BoatConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Builds stores other than the database store. Only {@code kmip} exists today; it is looked up
 * lazily so a deployment without the KMIP resource adapter never needs it.
 */
@ApplicationScoped
public class KmipStoreFactory {

    @Inject
    BoatConfig config;

    public SecretStore create(String name) {
        throw new StoreException("unknown secret store '" + name + "'", "Secret storage is misconfigured.");
    }
}
