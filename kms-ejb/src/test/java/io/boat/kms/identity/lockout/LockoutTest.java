package io.boat.kms.identity.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutTest {

    private static final Instant T = Instant.parse("2026-11-30T03:00:00Z");
    private final Lockout lockout = new Lockout(6, Duration.ofSeconds(1800));

    @Test
    void belowTheAttempts_notLocked_atThemLockedForTheDuration() {
        assertThat(lockout.locked(5, T, T)).isFalse();
        assertThat(lockout.locked(6, T, T)).isTrue();
        assertThat(lockout.locked(9, T, T.plusSeconds(1799))).isTrue();
        assertThat(lockout.locked(9, T, T.plusSeconds(1800))).isFalse();
    }

    @Test
    void failuresOlderThanTheDuration_areStale() {
        assertThat(lockout.stale(T, T.plusSeconds(1799))).isFalse();
        assertThat(lockout.stale(T, T.plusSeconds(1800))).isTrue();
    }

    @Test
    void attemptsZero_turnsLockoutOff() {
        assertThat(new Lockout(0, Duration.ofSeconds(1800)).locked(1000, T, T)).isFalse();
    }
}
