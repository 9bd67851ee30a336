package io.boat.kms.identity.revocation;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The revocation events table, for {@link Revocations}. An EJB because its persistence context must
 * resolve wherever the caller runs: called from the web module of an EAR, a plain CDI bean's
 * {@code @PersistenceContext} is looked up in the WAR's naming environment, which on Payara Server
 * has no "boat" unit (every request then failed closed as revoked). Asked once per refresh interval,
 * not per request.
 */
@Stateless
public class RevocationEvents {

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    /** Events recorded since {@code from} that still matter at {@code now}; read without a transaction. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<RevocationEventEntity> since(OffsetDateTime from, OffsetDateTime now) {
        return em.createQuery("SELECT e FROM RevocationEventEntity e WHERE e.revokedAt >= :from AND e.expiresAt > :now",
                        RevocationEventEntity.class)
                .setParameter("from", from)
                .setParameter("now", now)
                .getResultList();
    }

    /** Writes an event in the caller's transaction, so a rolled-back change revokes nothing. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void add(RevocationEventEntity row) {
        em.persist(row);
    }
}
