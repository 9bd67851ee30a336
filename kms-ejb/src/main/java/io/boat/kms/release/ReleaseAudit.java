package io.boat.kms.release;

import io.boat.kms.Ids;
import io.boat.kms.policy.Action;
import io.boat.kms.policy.Caller;
import io.boat.kms.policy.Policy;
import io.boat.kms.project.ProjectId;
import io.boat.kms.secret.Page;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The durable record of attested releases, refusals and release policy changes, and its listing
 * for project admins. Releases and refusals are handed to {@link ReleaseAuditWriter}, which commits
 * those of concurrent requests together, outside the callers' transactions, so a refusal is kept
 * although the read it refused fails; the recording call returns only once its record is committed.
 * Policy changes are written in the change's transaction, so the record and the change commit together.
 */
@Stateless
public class ReleaseAudit {

    private static final int MAX_DETAIL = 512;

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    @EJB
    ReleaseAuditWriter writer;

    /**
     * Records a release or a refusal, committed whatever happens to the caller's work; returns once
     * it is committed, else throws {@link ReleaseAuditUnavailableException}.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void recordDecision(Occurrence o) {
        writer.record(entity(o));
    }

    /** Commits a batch of {@link ReleaseAuditWriter}'s records in one transaction of their own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(List<ReleaseEventEntity> batch) {
        batch.forEach(em::persist);
    }

    /** Records a policy change as part of the transaction that makes it. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordChange(Occurrence o) {
        em.persist(entity(o));
    }

    /** A project's events, newest first, optionally of one secret. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<ReleaseEvent> list(Caller caller, String secretId, int offset, int limit) {
        Policy.check(caller, Action.RELEASE_EVENTS_LIST);
        String where = " WHERE e.projectId = :p" + (secretId == null ? "" : " AND e.secretId = :s");
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM ReleaseEventEntity e" + where, Long.class);
        TypedQuery<ReleaseEventEntity> items = em.createQuery("SELECT e FROM ReleaseEventEntity e" + where
            + " ORDER BY e.occurredAt DESC, e.id", ReleaseEventEntity.class);
        count.setParameter("p", caller.projectId().value());
        items.setParameter("p", caller.projectId().value());
        if (secretId != null) {
            count.setParameter("s", secretId);
            items.setParameter("s", secretId);
        }
        return new Page<>(items.setFirstResult(offset).setMaxResults(limit).getResultStream().map(ReleaseEvent::of)
            .toList(), count.getSingleResult());
    }

    /** The record, stamped now: a batched record keeps the time of its decision, not of its commit. */
    private static ReleaseEventEntity entity(Occurrence o) {
        ReleaseEventEntity e = new ReleaseEventEntity();
        e.id = Ids.timeOrdered();
        e.projectId = o.projectId().value();
        e.secretId = o.secretId();
        e.decision = o.decision().name();
        e.reason = o.reason();
        e.akName = o.akName();
        e.hostGroup = o.hostGroup();
        e.reportId = o.reportId();
        e.actorId = o.actorId();
        e.detail = o.detail() == null || o.detail().length() <= MAX_DETAIL ? o.detail() : o.detail().substring(0, MAX_DETAIL);
        e.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        return e;
    }

    /** What to record; the time is the recorder's. Fields that do not apply are null. */
    public record Occurrence(ProjectId projectId, String secretId, ReleaseEvent.Decision decision, String reason,
                             String akName, String hostGroup, String reportId, String actorId, String detail) {

        public static Occurrence policy(ProjectId projectId, String secretId, ReleaseEvent.Decision decision,
                                        String actorId) {
            return new Occurrence(projectId, secretId, decision, null, null, null, null, actorId, null);
        }
    }
}
