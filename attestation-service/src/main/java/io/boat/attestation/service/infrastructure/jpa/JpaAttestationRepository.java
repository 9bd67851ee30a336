package io.boat.attestation.service.infrastructure.jpa;

import io.boat.attestation.service.domain.AttestationRepository;
import io.boat.attestation.service.domain.Challenge;
import io.boat.attestation.service.domain.Host;
import io.boat.attestation.service.domain.ReferenceValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** {@link AttestationRepository} with JPA; joins the caller's transaction or starts one. */
@ApplicationScoped
@Transactional
public class JpaAttestationRepository implements AttestationRepository {
    @PersistenceContext(unitName = "attestation")
    EntityManager em;

    @Override
    public void saveHost(Host host) {
        if (em.find(Host.class, host.getId()) == null) {
            em.persist(host);
        } else {
            em.merge(host);
        }
    }

    @Override
    public Optional<Host> findHostById(String id) {
        return Optional.ofNullable(em.find(Host.class, id));
    }

    @Override
    public Optional<Host> findHostByAkName(String akName) {
        return em.createQuery("SELECT h FROM Host h WHERE h.akName = :ak", Host.class)
            .setParameter("ak", akName).getResultStream().findFirst();
    }

    @Override
    public void saveChallenge(Challenge challenge) {
        em.persist(challenge);
    }

    @Override
    public long countChallenges(String hostId, java.time.OffsetDateTime now) {
        return em.createQuery("SELECT COUNT(c) FROM Challenge c WHERE c.hostId = :h AND c.expiresAt >= :now", Long.class)
            .setParameter("h", hostId).setParameter("now", now).getSingleResult();
    }

    @Override
    public void purgeChallengesExpiredBefore(java.time.OffsetDateTime now) {
        em.createQuery("DELETE FROM Challenge c WHERE c.expiresAt < :now").setParameter("now", now).executeUpdate();
    }

    /** Single use even under concurrency: only the caller whose DELETE removed the row gets it. */
    @Override
    public Optional<Challenge> consumeChallenge(String nonceHex) {
        Challenge c = em.find(Challenge.class, nonceHex);
        if (c == null) {
            return Optional.empty();
        }
        em.detach(c);
        int deleted = em.createQuery("DELETE FROM Challenge c WHERE c.nonce = :n").setParameter("n", nonceHex)
            .executeUpdate();
        return deleted == 1 ? Optional.of(c) : Optional.empty();
    }

    @Override
    public Map<Integer, Set<String>> referenceValues(String hostGroup) {
        Map<Integer, Set<String>> out = new TreeMap<>();
        em.createQuery("SELECT r FROM ReferenceValue r WHERE r.hostGroup = :g", ReferenceValue.class)
            .setParameter("g", hostGroup).getResultList()
            .forEach(r -> out.computeIfAbsent(r.getPcrIndex(), k -> new HashSet<>()).add(r.getValueHex()));
        return out;
    }

    @Override
    public void replaceReferenceValues(String hostGroup, Map<Integer, Set<String>> values) {
        em.createQuery("DELETE FROM ReferenceValue r WHERE r.hostGroup = :g").setParameter("g", hostGroup).executeUpdate();
        values.forEach((pcr, set) -> set.forEach(v ->
            em.persist(new ReferenceValue(UUID.randomUUID().toString(), hostGroup, pcr, v))));
    }
}
