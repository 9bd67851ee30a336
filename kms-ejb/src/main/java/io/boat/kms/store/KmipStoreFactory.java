package io.boat.kms.store;

import io.boat.kmip.api.KmipConnectionFactory;
import io.boat.kms.config.BoatConfig;
import io.boat.kms.store.kmip.KmipSecretStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Builds stores other than the database store. The KMIP store's connection factory (the
 * kmip-connector resource adapter's pool) is looked up by name only when a KMIP store is
 * needed, so a deployment without a KMIP server never needs the resource.
 */
@ApplicationScoped
public class KmipStoreFactory {

    @Inject
    BoatConfig config;

    public SecretStore create(String name) {
        if (!KmipSecretStore.NAME.equals(name)) {
            throw new StoreException("unknown secret store '" + name + "'", "Secret storage is misconfigured.");
        }
        try {
            KmipConnectionFactory factory = (KmipConnectionFactory) new InitialContext()
                    .lookup(config.kmipConnectionFactory());
            return new KmipSecretStore(factory);
        } catch (NamingException | ClassCastException e) {
            throw new StoreException("KMIP connection factory '" + config.kmipConnectionFactory()
                    + "' not found: " + e.getMessage(), "Secret storage is misconfigured.", e);
        }
    }
}
