package io.boat.kms.order;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The queue of accepted orders waiting to be completed in batches, and the single task that
 * drains it: whatever has queued up while a batch was being committed becomes the next batch
 * (at most {@link #MAX_BATCH}), so the cost of a commit is shared by every order that arrived
 * meanwhile. The queue only holds ids of orders already persisted PENDING: if it is lost with the
 * process, {@link OrderRecovery} finds them in the database. If the drain task itself is lost
 * while orders wait (a task the container dropped before it ran, a thread blocked), the flag
 * that admits one drain at a time would keep every later order waiting too: recovery's
 * periodic pass asks {@link #restartIfStalled} to start another.
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
    /** When a drain was last started or last began or ended a batch ({@link #clock}). */
    private volatile long lastProgress;
    LongSupplier clock = System::nanoTime;

    @EJB
    OrderProcessor processor;

    @Resource
    ManagedExecutorService executor;

    /** Queues an order and makes sure a drain task is running. */
    public void add(String orderId) {
        queue.add(orderId);
        startIfIdle();
    }

    /**
     * Starts another drain when orders are queued and the current drain has shown no progress
     * for {@code stall}. The old one, should it wake up, only competes for the same queue: each
     * drain polls distinct ids, and an order one of them completed is skipped by the other.
     */
    public void restartIfStalled(Duration stall) {
        int waiting = queue.size();
        if (waiting > 0 && draining.get() && clock.getAsLong() - lastProgress > stall.toNanos()) {
            LOG.warning(() -> "Order processing made no progress for " + stall.toSeconds() + " s with "
                    + waiting + " order(s) queued; starting it again");
            draining.set(false);
            startIfIdle();
        }
    }

    private void startIfIdle() {
        if (draining.compareAndSet(false, true)) {
            lastProgress = clock.getAsLong();
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
                lastProgress = clock.getAsLong();
                try {
                    processor.processBatch(batch);
                } catch (RuntimeException e) {
                    // Nothing waits on this thread: the orders stay PENDING for OrderRecovery.
                    LOG.log(Level.SEVERE, "Processing of " + batch.size() + " order(s) failed", e);
                }
                lastProgress = clock.getAsLong();
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
