package io.boat.kmip.api;

import java.util.List;

/**
 * One KMIP session over mutual TLS. Not thread-safe: use it from one thread and close it.
 * Every method throws {@link KmipException}: {@link KmipException#isConnectionFailure()} tells a
 * broken or unreachable server (retryable) from a failed operation (carrying the KMIP result
 * reason).
 *
 * <p>Security guarantees: key material only travels inside {@link KmipObject}, which never
 * prints itself; nothing here logs material.
 */
public interface KmipConnection extends AutoCloseable {

    /** Versions the server supports, most preferred first. */
    List<KmipVersion> discoverVersions() throws KmipException;

    /** The protocol version this connection speaks. */
    KmipVersion protocolVersion();

    /** Operations and object types the server supports, and its vendor identification. */
    ServerInfo query() throws KmipException;

    /** Creates a symmetric key in the server; returns its unique identifier. */
    String create(SymmetricKeyRequest request) throws KmipException;

    /** Registers material (symmetric key, secret data or opaque object); returns its unique identifier. */
    String register(KmipObject object, String name) throws KmipException;

    /** The object with its material. The caller closes it to wipe the material. */
    KmipObject get(String uid) throws KmipException;

    /** Named attributes of the object (all attributes if {@code names} is empty). */
    KmipAttributes getAttributes(String uid, String... names) throws KmipException;

    /** Unique identifiers of the objects carrying that Name. */
    List<String> locate(String name) throws KmipException;

    void activate(String uid) throws KmipException;

    /** Revokes with reason "cessation of operation". */
    void revoke(String uid) throws KmipException;

    void destroy(String uid) throws KmipException;

    /** Returns the connection to its pool (or closes it when unmanaged). */
    @Override
    void close() throws KmipException;
}
