package io.boat.attestation.service.infrastructure.memory;

import io.boat.attestation.service.domain.AttestationRepository;
import io.boat.attestation.service.domain.Challenge;
import io.boat.attestation.service.domain.Host;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The repository contract in memory (single JVM, not persistent): for tests, benchmarks and demos. */
public final class InMemoryAttestationRepository implements AttestationRepository {
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();
    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Set<String>>> references = new ConcurrentHashMap<>();

    @Override
    public void saveHost(Host host) {
        hosts.put(host.getId(), host);
    }

    @Override
    public Optional<Host> findHostById(String id) {
        return Optional.ofNullable(hosts.get(id));
    }

    @Override
    public Optional<Host> findHostByAkName(String akName) {
        return hosts.values().stream().filter(h -> h.getAkName().equals(akName)).findFirst();
    }

    @Override
    public void saveChallenge(Challenge challenge) {
        challenges.put(challenge.getNonce(), challenge);
    }

    @Override
    public long countChallenges(String hostId, java.time.OffsetDateTime now) {
        return challenges.values().stream().filter(c -> c.getHostId().equals(hostId) && !c.getExpiresAt().isBefore(now))
            .count();
    }

    @Override
    public void purgeChallengesExpiredBefore(java.time.OffsetDateTime now) {
        challenges.values().removeIf(c -> c.getExpiresAt().isBefore(now));
    }

    @Override
    public Optional<Challenge> consumeChallenge(String nonceHex) {
        return Optional.ofNullable(challenges.remove(nonceHex));
    }

    @Override
    public Map<Integer, Set<String>> referenceValues(String hostGroup) {
        return references.getOrDefault(hostGroup, Map.of());
    }

    @Override
    public void replaceReferenceValues(String hostGroup, Map<Integer, Set<String>> values) {
        references.put(hostGroup, new HashMap<>(values));
    }
}
