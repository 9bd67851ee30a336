package io.boat.kmip.outbound;

import io.boat.kmip.api.KmipException;
import io.boat.kmip.client.KmipClient;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/** One physical KMIP connection (a {@link KmipClient}) as the pool sees it. */
final class KmipManagedConnection implements ManagedConnection {

    private final KmipManagedConnectionFactory mcf;
    private final KmipClient client;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<KmipConnectionHandle> handles = new CopyOnWriteArrayList<>();
    private PrintWriter logWriter;

    KmipManagedConnection(KmipManagedConnectionFactory mcf, KmipClient client) {
        this.mcf = mcf;
        this.client = client;
    }

    KmipClient client() {
        return client;
    }

    KmipManagedConnectionFactory factory() {
        return mcf;
    }

    boolean isBroken() {
        return client.isBroken();
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo cri) {
        KmipConnectionHandle h = new KmipConnectionHandle(this);
        handles.add(h);
        return h;
    }

    /** Closes the socket. */
    @Override
    public void destroy() {
        invalidateHandles();
        client.close();
    }

    @Override
    public void cleanup() {
        invalidateHandles();
    }

    private void invalidateHandles() {
        for (KmipConnectionHandle h : handles) {
            h.invalidate();
        }
        handles.clear();
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof KmipConnectionHandle)) {
            throw new ResourceException("Not a KMIP connection handle: " + connection);
        }
        KmipConnectionHandle h = (KmipConnectionHandle) connection;
        h.associate(this);
        handles.add(h);
    }

    void handleClosed(KmipConnectionHandle h) {
        handles.remove(h);
        ConnectionEvent ev = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        ev.setConnectionHandle(h);
        for (ConnectionEventListener l : listeners) {
            l.connectionClosed(ev);
        }
    }

    /** Socket or framing failure: tell the pool to drop this connection. */
    void connectionFailed(KmipConnectionHandle h, KmipException cause) {
        ConnectionEvent ev = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, cause);
        ev.setConnectionHandle(h);
        for (ConnectionEventListener l : listeners) {
            l.connectionErrorOccurred(ev);
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("KMIP connections are not transactional (NoTransaction)");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("KMIP connections are not transactional (NoTransaction)");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "KMIP server";
            }

            @Override
            public String getEISProductVersion() {
                return "KMIP " + client.protocolVersion();
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return null;
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
