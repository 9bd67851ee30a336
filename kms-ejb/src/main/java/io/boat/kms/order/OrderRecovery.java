package io.boat.kms.order;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

/**
 * Makes sure no accepted order stays PENDING forever: at start every PENDING order is
 * resubmitted (its processing died with the previous process), and every 10 seconds orders
 * that have been PENDING without progress for 30 seconds are resubmitted, and a stalled batch
 * drain is started again ({@link OrderDrainer#restartIfStalled}). An order normally completes
 * within milliseconds; one whose first attempt failed transiently or whose hand-over was lost
 * is retried within 40 seconds. A resubmitted order that is in fact still being processed costs
 * one skipped or conflicting attempt, never an orphaned key: see {@link OrderProcessor}.
 */
@Singleton
@Startup
public class OrderRecovery {

    private static final Logger LOG = Logger.getLogger(OrderRecovery.class.getName());
    static final long STALE_SECONDS = 30;

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    @EJB
    OrderProcessor processor;

    @EJB
    OrderDrainer drainer;

    @PostConstruct
    void resumeAfterRestart() {
        resubmit(pendingBefore(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1)));
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void resumeStale() {
        resubmit(pendingBefore(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(STALE_SECONDS)));
        drainer.restartIfStalled(Duration.ofSeconds(STALE_SECONDS));
    }

    private List<String> pendingBefore(OffsetDateTime cutoff) {
        return em.createQuery("SELECT o.id FROM OrderEntity o WHERE o.status = :s AND o.updated < :cutoff",
                String.class).setParameter("s", OrderStatus.PENDING.name()).setParameter("cutoff", cutoff)
                .setMaxResults(1000).getResultList();
    }

    private void resubmit(List<String> ids) {
        if (!ids.isEmpty()) {
            LOG.info(() -> "Resubmitting " + ids.size() + " unfinished order(s)");
            ids.forEach(processor::submit);
        }
    }
}
