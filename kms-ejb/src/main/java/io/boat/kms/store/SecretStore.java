package io.boat.kms.store;

import io.boat.kms.crypto.SecretBytes;

/**
 * Where secret bytes live: Barbican's secret-store contract.
 *
 * <p>A store generates, keeps, returns and destroys secret material. It never touches the
 * database: every operation that keeps something returns {@link StoreMetadata}, which the core
 * persists beside the secret and hands back on {@link #get} and {@link #delete}.
 *
 * <p>There is no {@code supports(KeySpec)} as in Barbican: a {@link KeySpec} admits only what
 * BOAT generates, and every store generates all of it.
 *
 * <p>Security guarantees: a store never logs key material, never puts it in an exception
 * message, and returns it only inside a {@link SecretBytes} the caller closes.
 */
public interface SecretStore {

    /** Short stable name persisted with each secret so reads go to the store that wrote it. */
    String name();

    /** Generates a symmetric key inside the store and returns what is needed to find it again. */
    StoreMetadata generateSymmetricKey(KeySpec spec, SecretContext context);

    /** Keeps the given material; the caller still owns (and closes) {@code material}. */
    StoreMetadata store(SecretBytes material, SecretKind kind, SecretContext context);

    /** Returns the material; the caller must close the result. */
    SecretBytes get(StoreMetadata metadata, SecretContext context);

    /** Destroys the material for good. Deleting something already gone is not an error. */
    void delete(StoreMetadata metadata, SecretContext context);

    /**
     * True when a key {@link #generateSymmetricKey} makes exists nowhere but in the metadata it
     * returns: generating has no effect outside the caller, so a transaction that rolls back
     * the metadata leaves nothing behind and the key need not be recorded before its secret is
     * written. False (the default) for a store that creates objects of its own, such as a KMIP
     * server, whose keys must be recorded first so a crash never orphans one.
     */
    default boolean generatesOnlyMetadata() {
        return false;
    }
}
