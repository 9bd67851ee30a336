package io.boat.kmip.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection manager of unmanaged factories: at most {@code maxSize} connections, idle ones
 * reused through {@code matchManagedConnections} after {@code getInvalidConnections} weeded out
 * dead ones; a CONNECTION_ERROR_OCCURRED event destroys the connection.
 */
final class PoolingConnectionManager implements ConnectionManager, ConnectionEventListener {

    private static final long serialVersionUID = 1L;

    private final transient Semaphore permits;
    private final transient Deque<ManagedConnection> idle = new ArrayDeque<>();
    private final transient Set<ManagedConnection> inUse = new HashSet<>();
    private final transient AtomicInteger created = new AtomicInteger();
    private final int acquireTimeoutMillis;

    PoolingConnectionManager(int maxSize, int acquireTimeoutMillis) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("Invalid pool size " + maxSize + "; must be at least 1");
        }
        this.permits = new Semaphore(maxSize, true);
        this.acquireTimeoutMillis = acquireTimeoutMillis;
    }

    @Override
    public Object allocateConnection(ManagedConnectionFactory mcf, ConnectionRequestInfo cri) throws ResourceException {
        try {
            if (!permits.tryAcquire(acquireTimeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new ResourceException("KMIP connection pool exhausted after " + acquireTimeoutMillis + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceException("Interrupted waiting for a KMIP connection", e);
        }
        try {
            ManagedConnection mc = takeIdle(mcf, cri);
            if (mc == null) {
                mc = mcf.createManagedConnection(null, cri);
                mc.addConnectionEventListener(this);
                created.incrementAndGet();
            }
            synchronized (this) {
                inUse.add(mc);
            }
            return mc.getConnection(null, cri);
        } catch (ResourceException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Most recently used idle connection that is still valid; dead ones are destroyed on the way. */
    @SuppressWarnings("unchecked")
    private ManagedConnection takeIdle(ManagedConnectionFactory mcf, ConnectionRequestInfo cri) throws ResourceException {
        for (;;) {
            ManagedConnection mc;
            synchronized (this) {
                mc = idle.poll();
            }
            if (mc == null) {
                return null;
            }
            Set<ManagedConnection> one = new HashSet<>(Set.of(mc));
            if (mcf instanceof ValidatingManagedConnectionFactory
                    && !((ValidatingManagedConnectionFactory) mcf).getInvalidConnections(one).isEmpty()) {
                destroyQuietly(mc);
                continue;
            }
            if (mcf.matchManagedConnections(one, null, cri) == mc) {
                return mc;
            }
            destroyQuietly(mc);
        }
    }

    @Override
    public void connectionClosed(ConnectionEvent event) {
        ManagedConnection mc = (ManagedConnection) event.getSource();
        boolean wasInUse;
        synchronized (this) {
            wasInUse = inUse.remove(mc);
        }
        if (!wasInUse) {
            return;
        }
        try {
            mc.cleanup();
            synchronized (this) {
                idle.push(mc);
            }
        } catch (ResourceException e) {
            destroyQuietly(mc);
        } finally {
            permits.release();
        }
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
        ManagedConnection mc = (ManagedConnection) event.getSource();
        boolean wasInUse;
        synchronized (this) {
            wasInUse = inUse.remove(mc);
            idle.remove(mc);
        }
        destroyQuietly(mc);
        if (wasInUse) {
            permits.release();
        }
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {
        // NoTransaction
    }

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {
        // NoTransaction
    }

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {
        // NoTransaction
    }

    /** Closes every idle connection (connections in use are destroyed when returned broken). */
    void shutdown() {
        for (;;) {
            ManagedConnection mc;
            synchronized (this) {
                mc = idle.poll();
            }
            if (mc == null) {
                return;
            }
            destroyQuietly(mc);
        }
    }

    synchronized int idleCount() {
        return idle.size();
    }

    synchronized int inUseCount() {
        return inUse.size();
    }

    int createdCount() {
        return created.get();
    }

    private static void destroyQuietly(ManagedConnection mc) {
        try {
            mc.destroy();
        } catch (ResourceException | RuntimeException ignored) {
            // closing a dead socket
        }
    }
}
