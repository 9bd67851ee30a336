package io.boat.kms.order;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The queue of accepted orders waiting to be completed in batches, and the single task that
 * drains it: whatever has queued up while a batch was being committed becomes the next batch
 * (at most {@link #MAX_BATCH}), so the cost of a commit is shared by every order that arrived
 * meanwhile. The queue only holds ids of orders already persisted PENDING: if it is lost with the
 * process, {@link OrderRecovery} finds them in the database.
 *
 * <p>An EJB rather than a CDI bean: its executor and processor are injected the same way on every
 * server (resource injection into CDI beans of an EAR differs between Payara Server and WildFly).
 * Its state is thread-safe on its own, so the container adds no lock.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderDrainer {

    private static final Logger LOG = Logger.getLogger(OrderDrainer.class.getName());

    /** Bounds one transaction's work (and what one failure sends to the one-by-one fallback). */
    static final int MAX_BATCH = 64;

    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    @EJB
    OrderProcessor processor;

    @Resource
    ManagedExecutorService executor;

    /** Queues an order and makes sure a drain task is running. */
    public void add(String orderId) {
        queue.add(orderId);
        startIfIdle();
    }

    private void startIfIdle() {
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException e) {
                draining.set(false);
                LOG.log(Level.WARNING, "Could not start order processing; OrderRecovery will resubmit", e);
            }
        }
    }

    private void drain() {
        try {
            for (List<String> batch = next(); !batch.isEmpty(); batch = next()) {
                try {
                    processor.processBatch(batch);
                } catch (RuntimeException e) {
                    // Nothing waits on this thread: the orders stay PENDING for OrderRecovery.
                    LOG.log(Level.SEVERE, "Processing of " + batch.size() + " order(s) failed", e);
                }
            }
        } finally {
            draining.set(false);
        }
        // An order queued between the last empty poll and the flag's reset found the flag still set.
        if (!queue.isEmpty()) {
            startIfIdle();
        }
    }

    /** Up to MAX_BATCH distinct ids (recovery may queue an order that is already queued). */
    private List<String> next() {
        Set<String> batch = new LinkedHashSet<>();
        for (String id; batch.size() < MAX_BATCH && (id = queue.poll()) != null; ) {
            batch.add(id);
        }
        return new ArrayList<>(batch);
    }
}
