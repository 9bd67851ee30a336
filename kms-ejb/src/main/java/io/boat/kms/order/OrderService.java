package io.boat.kms.order;

import io.boat.kms.InvalidRequestException;
import io.boat.kms.Ids;
import io.boat.kms.policy.Action;
import io.boat.kms.policy.Caller;
import io.boat.kms.policy.Policy;
import io.boat.kms.release.ReleasePolicyCodec;
import io.boat.kms.secret.Page;
import io.boat.kms.secret.SecretService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Orders: persisted PENDING first (committed by {@link OrderWriter}'s group commit before the
 * client gets 202), then handed to {@link OrderProcessor}. Reading, listing and deleting are
 * plain queries.
 */
@Stateless
public class OrderService {

    private static final Logger LOG = Logger.getLogger(OrderService.class.getName());

    static final String NOT_FOUND = "Not Found. Sorry but your order is in another castle.";

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    @EJB
    SecretService secrets;

    @EJB
    OrderWriter writer;

    @EJB
    OrderProcessor processor;

    /**
     * Persists the order and submits it for processing once its row is committed. No transaction
     * of its own: the row commits in {@link OrderWriter}'s batch, so processing never sees an
     * order that might still roll back (Barbican: persist first, then process).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public OrderView create(Caller caller, NewKeyOrder order) {
        Policy.check(caller, Action.ORDER_CREATE);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (order.expiration() != null && !order.expiration().isAfter(now)) {
            throw new InvalidRequestException("Invalid date for 'expiration'");
        }
        OrderEntity e = new OrderEntity();
        e.id = UUID.randomUUID().toString();
        e.projectId = caller.projectId().value();
        e.creatorId = caller.userId();
        e.type = "key";
        e.metaJson = order.metaJson();
        e.name = order.name();
        e.algorithm = order.spec().algorithm();
        e.bitLength = order.spec().bitLength();
        e.mode = order.spec().mode();
        e.payloadContentType = order.payloadContentType();
        e.expiration = order.expiration();
        e.releasePolicy = order.releasePolicy() == null ? null : ReleasePolicyCodec.encode(order.releasePolicy()).toString();
        e.status = OrderStatus.PENDING.name();
        e.created = now;
        e.updated = now;
        writer.persist(e);
        submit(e.id);
        return OrderView.of(e);
    }

    /**
     * A hand-over that fails does not fail the request: the order is stored and acknowledged, so
     * the failure is logged and {@link OrderRecovery} resubmits it.
     */
    private void submit(String orderId) {
        try {
            processor.submit(orderId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Order " + orderId + " was not queued; recovery resubmits it", e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public OrderView get(Caller caller, String id) {
        OrderEntity e = find(id);
        Policy.checkOwner(caller, Action.ORDER_READ, e.projectId());
        return OrderView.of(e);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<OrderView> list(Caller caller, int offset, int limit) {
        Policy.check(caller, Action.ORDERS_LIST);
        long total = em.createQuery("SELECT COUNT(o) FROM OrderEntity o WHERE o.projectId = :p", Long.class)
                .setParameter("p", caller.projectId().value()).getSingleResult();
        var items = em.createQuery("SELECT o FROM OrderEntity o WHERE o.projectId = :p ORDER BY o.created, o.id",
                        OrderEntity.class).setParameter("p", caller.projectId().value())
                .setFirstResult(offset).setMaxResults(limit).getResultStream().map(OrderView::of).toList();
        return new Page<>(items, total);
    }

    /**
     * Deletes the order record; the secret it generated stays (as in Barbican), but a key an
     * unfinished attempt generated is destroyed, since no secret will ever refer to it.
     */
    public void delete(Caller caller, String id) {
        OrderEntity e = find(id);
        Policy.checkOwner(caller, Action.ORDER_DELETE, e.projectId());
        GeneratedKeyRef unfinished = GeneratedKeyRef.of(e);
        if (unfinished != null) {
            secrets.destroyGenerated(unfinished.metadata(), unfinished.context());
        }
        em.remove(e);
    }

    private OrderEntity find(String id) {
        OrderEntity e = Ids.isUuid(id) ? em.find(OrderEntity.class, id) : null;
        if (e == null) {
            throw new UnknownOrderException(NOT_FOUND);
        }
        return e;
    }
}
