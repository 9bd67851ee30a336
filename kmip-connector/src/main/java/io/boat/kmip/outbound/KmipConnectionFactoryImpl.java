package io.boat.kmip.outbound;

import io.boat.kmip.api.KmipConnection;
import io.boat.kmip.api.KmipConnectionException;
import io.boat.kmip.api.KmipConnectionFactory;
import io.boat.kmip.api.KmipException;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;

/** The connection factory applications look up; asks the connection manager (pool) for handles. Not API. */
public final class KmipConnectionFactoryImpl implements KmipConnectionFactory, Referenceable {

    private static final long serialVersionUID = 1L;

    private final KmipManagedConnectionFactory mcf;
    private final ConnectionManager cm;
    private Reference reference;

    KmipConnectionFactoryImpl(KmipManagedConnectionFactory mcf, ConnectionManager cm) {
        this.mcf = mcf;
        this.cm = cm;
    }

    @Override
    public KmipConnection getConnection() throws KmipException {
        try {
            return (KmipConnection) cm.allocateConnection(mcf, null);
        } catch (ResourceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof KmipException) {
                    KmipException k = (KmipException) t;
                    if (k.isConnectionFailure()) {
                        throw new KmipConnectionException(k.getMessage(), e);
                    }
                    throw new KmipException(k.resultReason(), k.getMessage(), e);
                }
            }
            throw new KmipConnectionException("No KMIP connection available: " + e.getMessage(), e);
        }
    }

    /** The connection manager (the unmanaged pool when created with {@code createConnectionFactory()}). */
    ConnectionManager connectionManager() {
        return cm;
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
