package io.boat.kms.order;

import io.boat.kms.KmsException;
import io.boat.kms.config.BoatConfig;
import io.boat.kms.secret.GeneratedKey;
import io.boat.kms.secret.SecretService;
import io.boat.kms.store.KeySpec;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Completes orders off the request thread. Each attempt is recorded in its own transaction
 * before work starts, so an order whose processing dies (crash, lost thread) is visible as a
 * stale PENDING row that {@link OrderRecovery} resubmits; after {@code boat.order.max-attempts}
 * it is failed with a reason rather than left PENDING forever.
 */
@Stateless
public class OrderProcessor {

    private static final Logger LOG = Logger.getLogger(OrderProcessor.class.getName());

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    @EJB
    SecretService secrets;

    @EJB
    OrderProcessor self;

    @Inject
    BoatConfig config;

    @Resource
    ManagedExecutorService executor;

    /** Queues an order for processing on the container's managed executor. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void submit(String orderId) {
        executor.execute(() -> {
            try {
                self.process(orderId);
            } catch (RuntimeException e) {
                // Nothing waits on this thread: log, and leave the order to OrderRecovery.
                LOG.log(Level.SEVERE, "Processing of order " + orderId + " failed", e);
            }
        });
    }

    /** One processing attempt, on the caller's thread. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void process(String orderId) {
        if (!self.beginAttempt(orderId)) {
            return;
        }
        pause();
        try {
            completeOrRecheck(orderId);
        } catch (KmsException e) {
            LOG.log(Level.WARNING, "Order " + orderId + " failed: " + e.getMessage());
            if (e.status() == 503) {
                self.retryLater(orderId, e.status(), e.clientMessage());
            } else {
                self.fail(orderId, e.status(), e.clientMessage());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Order " + orderId + " failed unexpectedly", e);
            self.retryLater(orderId, 500, "Key generation failed.");
        }
    }

    /**
     * Completes the order; if another writer changed the row meanwhile (optimistic lock: a
     * recovery pass, another cluster member), completes again from a fresh read, which is a no-op
     * when that writer already finished it.
     */
    private void completeOrRecheck(String orderId) {
        try {
            self.complete(orderId);
        } catch (RuntimeException e) {
            if (!isOptimisticLock(e)) {
                throw e;
            }
            LOG.info(() -> "Order " + orderId + " changed while being completed; checking again");
            self.complete(orderId);
        }
    }

    private static boolean isOptimisticLock(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** Counts an attempt; false when the order is no longer PENDING or has used up its attempts. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean beginAttempt(String orderId) {
        OrderEntity o = em.find(OrderEntity.class, orderId);
        if (o == null || !OrderStatus.PENDING.name().equals(o.status)) {
            return false;
        }
        if (o.attempts >= config.orderMaxAttempts()) {
            markError(o, 500, "Order processing did not complete after " + o.attempts + " attempts.");
            return false;
        }
        o.attempts++;
        o.updated = now();
        return true;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void complete(String orderId) {
        OrderEntity o = em.find(OrderEntity.class, orderId);
        if (o == null || !OrderStatus.PENDING.name().equals(o.status)) {
            return;
        }
        KeySpec spec = new KeySpec(o.algorithm, o.bitLength, o.mode);
        o.secretId = secrets.storeGenerated(o.projectId, o.creatorId,
                new GeneratedKey(o.name, spec, o.expiration, "application/octet-stream"));
        o.status = OrderStatus.ACTIVE.name();
        o.updated = now();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(String orderId, int status, String reason) {
        OrderEntity o = em.find(OrderEntity.class, orderId);
        if (o != null && OrderStatus.PENDING.name().equals(o.status)) {
            markError(o, status, reason);
        }
    }

    /** A transient failure: stays PENDING for recovery unless attempts are used up. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void retryLater(String orderId, int status, String reason) {
        OrderEntity o = em.find(OrderEntity.class, orderId);
        if (o != null && OrderStatus.PENDING.name().equals(o.status) && o.attempts >= config.orderMaxAttempts()) {
            markError(o, status, reason);
        }
    }

    private static void markError(OrderEntity o, int status, String reason) {
        o.status = OrderStatus.ERROR.name();
        o.errorStatusCode = status;
        o.errorReason = reason;
        o.updated = now();
    }

    private void pause() {
        long delay = config.orderDelayMillis();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
