package io.boat.kmip.api;

import java.io.Serializable;

/**
 * Hands out KMIP connections. In an application server this is the JCA connection factory
 * (injected with {@code @Resource}); connections come from the server's pool. Outside one,
 * {@code KmipClients.unmanaged(...)} gives a factory with a small pool of its own.
 */
public interface KmipConnectionFactory extends Serializable {

    /** A connection to use and close (closing returns it to the pool). */
    KmipConnection getConnection() throws KmipException;
}
