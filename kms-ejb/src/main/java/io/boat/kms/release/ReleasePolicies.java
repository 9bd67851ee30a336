package io.boat.kms.release;

import io.boat.kms.config.BoatConfig;
import io.boat.kms.policy.Action;
import io.boat.kms.policy.Caller;
import io.boat.kms.policy.Policy;
import io.boat.kms.secret.SecretEntity;
import io.boat.kms.secret.SecretId;
import io.boat.kms.secret.SecretLookup;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Per-secret release policies: read by whoever may read the secret's metadata, written by the
 * secret's creator or the project admin, set at birth by an order. The secret row carries an
 * {@code attestation_required} copy so the payload read needs no second query to learn it. The
 * release path reads policies through {@link ReleasePolicyCache}; every change here tells it.
 */
@Stateless
public class ReleasePolicies {

    static final String NOT_FOUND = "Not Found. Provided secret id is invalid.";

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    @Inject
    SecretLookup secrets;

    @Inject
    BoatConfig config;

    @EJB
    ReleaseAudit audit;

    @Inject
    ReleasePolicyCache cache;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The stored policy, or the default one. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ReleasePolicy get(Caller caller, SecretId id) {
        SecretEntity s = secrets.find(id, NOT_FOUND);
        Policy.checkOwner(caller, Action.RELEASE_POLICY_READ, s.projectId());
        return forSecret(s.id());
    }

    /** Stores {@code policy} as the secret's policy and returns it. */
    public ReleasePolicy put(Caller caller, SecretId id, ReleasePolicy policy) {
        SecretEntity s = secrets.find(id, NOT_FOUND);
        Policy.checkCreatorOrAdmin(caller, Action.RELEASE_POLICY_WRITE, s.projectId(), s.creatorId());
        store(s, policy, caller.userId());
        return policy;
    }

    /** Back to the default policy (no attestation required). */
    public ReleasePolicy reset(Caller caller, SecretId id) {
        SecretEntity s = secrets.find(id, NOT_FOUND);
        Policy.checkCreatorOrAdmin(caller, Action.RELEASE_POLICY_WRITE, s.projectId(), s.creatorId());
        changing(s.id());
        ReleasePolicyEntity stored = em.find(ReleasePolicyEntity.class, s.id());
        if (stored != null) {
            em.remove(stored);
        }
        s.requireAttestation(false);
        audit.recordChange(ReleaseAudit.Occurrence.policy(s.projectId(), s.id(), ReleaseEvent.Decision.POLICY_RESET,
            caller.userId()));
        return defaults();
    }

    /**
     * Gives a secret being created in the current transaction its policy, so it is never visible
     * without it (an order's {@code release_policy}).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void bornWith(SecretId id, ReleasePolicy policy, String creatorId) {
        store(secrets.find(id, NOT_FOUND), policy, creatorId);
    }

    /** The policy the release path applies to a secret: the stored one or the default. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ReleasePolicy forSecret(String secretId) {
        return cache.get(secretId, this::load);
    }

    private ReleasePolicy load(String secretId) {
        ReleasePolicyEntity stored = em.find(ReleasePolicyEntity.class, secretId);
        return stored == null ? defaults() : stored.policy();
    }

    /** Keeps the cache off the policy from now until the changing transaction ends, however it ends. */
    private void changing(String secretId) {
        cache.writing(secretId);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                cache.written(secretId);
            }
        });
    }

    private void store(SecretEntity s, ReleasePolicy policy, String by) {
        changing(s.id());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ReleasePolicyEntity stored = em.find(ReleasePolicyEntity.class, s.id());
        if (stored == null) {
            stored = new ReleasePolicyEntity();
            stored.id = s.id();
            stored.set(policy, by, now);
            em.persist(stored);
        } else {
            stored.set(policy, by, now);
        }
        s.requireAttestation(policy.attestationRequired());
        audit.recordChange(ReleaseAudit.Occurrence.policy(s.projectId(), s.id(), ReleaseEvent.Decision.POLICY_SET, by));
    }

    private ReleasePolicy defaults() {
        return ReleasePolicy.defaults(config.defaultMaxReportAge());
    }
}
