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
}
