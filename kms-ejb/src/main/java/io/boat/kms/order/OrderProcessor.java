package io.boat.kms.order;

import io.boat.kms.KmsException;
import io.boat.kms.config.BoatConfig;
import io.boat.kms.release.ReleasePolicies;
import io.boat.kms.release.ReleasePolicyCodec;
import io.boat.kms.secret.GeneratedKey;
import io.boat.kms.secret.SecretId;
import io.boat.kms.secret.SecretService;
import io.boat.kms.store.KeySpec;
import io.boat.kms.store.SecretContext;
import io.boat.kms.store.StoreUnavailableException;
import io.boat.kms.store.routing.SecretStores;
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
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Completes orders off the request thread, in one of two ways chosen by what the store's key
 * generation leaves behind ({@link io.boat.kms.store.SecretStore#generatesOnlyMetadata}).
 *
 * <p>A store with side effects (KMIP) gets the record-before-write protocol, one order at a
 * time: each attempt is counted in its own transaction, the key is generated outside any
 * transaction and recorded on the order before the secret is written, so a crash never orphans a
 * key. An order whose processing dies is a stale PENDING row that {@link OrderRecovery}
 * resubmits; after {@code boat.order.max-attempts} it is failed with a reason rather than left
 * PENDING forever.
 *
 * <p>The database store's keys exist nowhere until their secret row commits, so
 * {@link OrderDrainer} hands queued orders over in batches and {@link #completeInPlace} generates
 * and completes a whole batch in one transaction: a crash before its commit leaves every order of
 * the batch PENDING with its attempts unchanged and nothing behind. A batch that fails falls
 * back to the protocol above, order by order, so one bad order cannot fail the others.
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

    @EJB
    ReleasePolicies policies;

    @Inject
    BoatConfig config;

    @Inject
    SecretStores stores;

    @EJB
    OrderDrainer drainer;

    @Resource
    ManagedExecutorService executor;

    /**
     * Queues an order: for the batch drainer when the store's keys live only in their metadata,
     * else as its own task on the container's managed executor.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void submit(String orderId) {
        if (stores.current().generatesOnlyMetadata()) {
            drainer.add(orderId);
            return;
        }
        executor.execute(() -> processAlone(orderId));
    }

    /**
     * One processing attempt, on the caller's thread. The key is generated outside any
     * transaction and recorded on the order in its own, before the secret is written: a rolled
     * back completion then leaves a recorded key that the next try reuses, never an orphan in
     * the store, and every path that ends the order without it destroys it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void process(String orderId) {
        Attempt attempt = self.beginAttempt(orderId);
        if (attempt == null) {
            return;
        }
        if (attempt.exhausted()) {
            destroy(orderId, attempt.recorded());
            return;
        }
        try {
            if (attempt.recorded() == null && !generateAndRecord(attempt)) {
                return;
            }
            completeOrRecheck(orderId);
        } catch (StoreUnavailableException e) {
            LOG.log(Level.WARNING, "Order " + orderId + " failed: " + e.getMessage());
            destroy(orderId, self.retryLater(orderId, 503, e.clientMessage()));
        } catch (KmsException e) {
            LOG.log(Level.WARNING, "Order " + orderId + " failed: " + e.getMessage());
            destroy(orderId, self.fail(orderId, 500, e.clientMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Order " + orderId + " failed unexpectedly; it stays PENDING for recovery", e);
            destroy(orderId, self.retryLater(orderId, 500, "Key generation failed."));
        }
    }

    /**
     * Completes a batch in one transaction ({@link #completeInPlace}); if it fails, processes
     * each order on its own with the record-before-write protocol, which counts the attempt and
     * ends or retries only the order that fails.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void processBatch(List<String> orderIds) {
        try {
            self.completeInPlace(orderIds);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A batch of " + orderIds.size() + " order(s) failed; processing them one by one", e);
            orderIds.forEach(this::processAlone);
        }
    }

    private void processAlone(String orderId) {
        try {
            self.process(orderId);
        } catch (RuntimeException e) {
            // Nothing waits on this: log, and leave the order to OrderRecovery (a batch goes on with the rest).
            LOG.log(Level.SEVERE, "Processing of order " + orderId + " failed", e);
        }
    }

    /**
     * Generates and completes every still-PENDING order of the batch in this one transaction.
     * Only for a store whose keys live only in their metadata: nothing is recorded first, since
     * a rollback leaves no key anywhere. An order that already has a recorded key (from an
     * earlier one-by-one attempt) is completed with it; one out of attempts is failed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void completeInPlace(List<String> orderIds) {
        for (String orderId : orderIds) {
            OrderEntity o = em.find(OrderEntity.class, orderId);
            if (o == null || !OrderStatus.PENDING.name().equals(o.status)) {
                continue;
            }
            GeneratedKeyRef key = GeneratedKeyRef.of(o);
            if (key == null && o.attempts >= config.orderMaxAttempts()) {
                markError(o, 500, "Order processing did not complete after " + o.attempts + " attempts.");
                continue;
            }
            o.attempts++;
            if (key == null) {
                SecretContext context = new SecretContext(SecretId.random().value(), o.projectId());
                key = new GeneratedKeyRef(context, secrets.generate(spec(o), context));
            }
            finish(o, key);
        }
    }

    /** Generates the key and records it on the order; false (key destroyed) when the order moved on meanwhile. */
    private boolean generateAndRecord(Attempt attempt) {
        SecretContext context = new SecretContext(SecretId.random().value(), attempt.projectId());
        GeneratedKeyRef key = new GeneratedKeyRef(context, secrets.generate(attempt.spec(), context));
        boolean recorded = false;
        try {
            recorded = self.record(attempt.orderId(), key);
            return recorded;
        } finally {
            if (!recorded) {
                destroy(attempt.orderId(), key);
            }
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

    /**
     * Counts an attempt: null when the order is no longer PENDING; exhausted (and failed) when it
     * has used up its attempts, so the caller destroys a key it may have recorded.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Attempt beginAttempt(String orderId) {
        OrderEntity o = em.find(OrderEntity.class, orderId);
        if (o == null || !OrderStatus.PENDING.name().equals(o.status)) {
            return null;
        }
        if (o.attempts >= config.orderMaxAttempts()) {
            GeneratedKeyRef leftover = markError(o, 500,
                    "Order processing did not complete after " + o.attempts + " attempts.");
            return new Attempt(orderId, o.projectId(), null, leftover, true);
        }
        o.attempts++;
        o.updated = now();
        return new Attempt(orderId, o.projectId(), spec(o), GeneratedKeyRef.of(o), false);
    }

    /** Records a freshly generated key on the order; false when the order is gone, done or already has one. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean record(String orderId, GeneratedKeyRef key) {
        OrderEntity o = em.find(OrderEntity.class, orderId);
        if (o == null || !OrderStatus.PENDING.name().equals(o.status) || o.generatedStoreMeta != null) {
            return false;
        }
        key.recordOn(o);
        o.updated = now();
        return true;
    }

    /** Turns the recorded key into the order's secret. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void complete(String orderId) {
        OrderEntity o = em.find(OrderEntity.class, orderId);
        GeneratedKeyRef key = o == null ? null : GeneratedKeyRef.of(o);
        if (key == null || !OrderStatus.PENDING.name().equals(o.status)) {
            return;
        }
        finish(o, key);
    }

    /** Writes the order's secret for {@code key} (and its release policy) and marks the order ACTIVE. */
    private void finish(OrderEntity o, GeneratedKeyRef key) {
        secrets.storeGenerated(o.creatorId, new GeneratedKey(o.name, spec(o), o.expiration, "application/octet-stream"),
                key.context(), key.metadata());
        if (o.releasePolicy != null) {
            // Same transaction as the secret row: it is never visible without its policy.
            policies.bornWith(new SecretId(key.context().secretId()), ReleasePolicyCodec.decode(o.releasePolicy),
                    o.creatorId);
        }
        GeneratedKeyRef.clear(o);
        o.secretId = key.context().secretId();
        o.status = OrderStatus.ACTIVE.name();
        o.updated = now();
    }

    /** Fails the order for good; returns the key it had recorded, for the caller to destroy. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public GeneratedKeyRef fail(String orderId, int status, String reason) {
        OrderEntity o = em.find(OrderEntity.class, orderId);
        if (o != null && OrderStatus.PENDING.name().equals(o.status)) {
            return markError(o, status, reason);
        }
        return null;
    }

    /**
     * A transient failure: stays PENDING for recovery (keeping any recorded key for the next
     * attempt) unless attempts are used up; then returns the recorded key for the caller to destroy.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public GeneratedKeyRef retryLater(String orderId, int status, String reason) {
        OrderEntity o = em.find(OrderEntity.class, orderId);
        if (o != null && OrderStatus.PENDING.name().equals(o.status) && o.attempts >= config.orderMaxAttempts()) {
            return markError(o, status, reason);
        }
        return null;
    }

    private static GeneratedKeyRef markError(OrderEntity o, int status, String reason) {
        GeneratedKeyRef leftover = GeneratedKeyRef.of(o);
        GeneratedKeyRef.clear(o);
        o.status = OrderStatus.ERROR.name();
        o.errorStatusCode = status;
        o.errorReason = reason;
        o.updated = now();
        return leftover;
    }

    /** Destroys a key no secret refers to; a failure is logged (the key is then orphaned, and named so). */
    private void destroy(String orderId, GeneratedKeyRef key) {
        if (key == null) {
            return;
        }
        try {
            secrets.destroyGenerated(key.metadata(), key.context());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Order " + orderId + ": could not destroy unused key " + key.metadata()
                    + " of secret id " + key.context().secretId(), e);
        }
    }

    private static KeySpec spec(OrderEntity o) {
        return new KeySpec(o.algorithm, o.bitLength, o.mode);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
