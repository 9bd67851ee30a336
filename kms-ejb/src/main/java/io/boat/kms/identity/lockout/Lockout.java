package io.boat.kms.identity.lockout;

import java.time.Duration;
import java.time.Instant;

/**
 * Keystone's account lockout ({@code [security_compliance] lockout_failure_attempts} and
 * {@code lockout_duration}): after that many consecutive failures the account refuses every
 * password, the right one included, until the duration has passed since the last failure.
 */
public record Lockout(int failureAttempts, Duration duration) {

    /** {@code failureAttempts} 0 turns lockout off. */
    public boolean locked(int failures, Instant lastFailure, Instant now) {
        return failureAttempts > 0 && failures >= failureAttempts && now.isBefore(lastFailure.plus(duration));
    }

    /** Failures older than the duration no longer count towards the next lockout. */
    public boolean stale(Instant lastFailure, Instant now) {
        return !now.isBefore(lastFailure.plus(duration));
    }
}
