package io.boat.kms.store.routing;

import io.boat.kmip.api.KmipConnectionFactory;
import io.boat.kms.config.BoatConfig;
import io.boat.kms.store.SecretStore;
import io.boat.kms.store.StoreException;
import io.boat.kms.store.kmip.KmipSecretStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Builds the KMIP store, the one store besides the database store: its connection factory (the
 * kmip-connector resource adapter's pool, JNDI name {@code boat.kmip.connection-factory}) is
 * looked up only when a KMIP store is first needed, so a deployment without a KMIP server never
 * needs the resource. Any other store name is a misconfiguration.
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
