package io.boat.attestation.service.application;

import java.time.Duration;
import java.util.List;

/**
 * Tunables of the attestation core.
 *
 * @param nonceLifetime how long a challenge may be answered
 * @param activationLifetime how long an enrollment may wait for its credential activation
 * @param trustLifetime how long a verified quote makes a host trusted
 * @param defaultPcrs PCRs requested when a host's group has no reference values
 * @param maxOutstandingNonces unanswered, unexpired challenges a host may hold at once
 * @param noncesPerMinutePerSource challenges one client address may obtain per minute
 */
public record AttestationSettings(Duration nonceLifetime, Duration activationLifetime, Duration trustLifetime,
                                  List<Integer> defaultPcrs, int maxOutstandingNonces, int noncesPerMinutePerSource) {
    public static AttestationSettings defaults() {
        return new AttestationSettings(Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(10),
            List.of(0, 1, 2, 3, 4, 5, 6, 7), 4, 60);
    }
}
