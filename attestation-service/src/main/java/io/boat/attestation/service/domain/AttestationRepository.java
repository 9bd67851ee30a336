package io.boat.attestation.service.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Persistence the attestation core needs; implemented with JPA in the service, in memory in tests. */
public interface AttestationRepository {
    void saveHost(Host host);

    Optional<Host> findHostById(String id);

    Optional<Host> findHostByAkName(String akName);

    void saveChallenge(Challenge challenge);

    /** How many unexpired challenges are outstanding for this host. */
    long countChallenges(String hostId, java.time.OffsetDateTime now);

    /** Deletes challenges that expired before {@code now} (never answered). */
    void purgeChallengesExpiredBefore(java.time.OffsetDateTime now);

    /** Removes and returns the challenge with this nonce, so that it can be used once only. */
    Optional<Challenge> consumeChallenge(String nonceHex);

    /** PCR index to accepted lower-case hex values for a host group; empty when none are set. */
    Map<Integer, Set<String>> referenceValues(String hostGroup);

    void replaceReferenceValues(String hostGroup, Map<Integer, Set<String>> values);
}
