package io.boat.kms.identity.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceThrottleTest {

    private static final Instant T = Instant.parse("2026-11-30T03:00:00Z");

    @Test
    void failuresUpToTheLimit_allowed_thenRefusedUntilTheWindowEnds() {
        SourceThrottle throttle = new SourceThrottle(3, Duration.ofSeconds(60));
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allows("10.0.0.1", T)).isTrue();
            throttle.failed("10.0.0.1", T.plusSeconds(i));
        }
        assertThat(throttle.allows("10.0.0.1", T.plusSeconds(59))).isFalse();
        assertThat(throttle.allows("10.0.0.2", T.plusSeconds(59))).isTrue();
        assertThat(throttle.allows("10.0.0.1", T.plusSeconds(60))).isTrue();
    }

    @Test
    void aFailureAfterTheWindow_startsANewCount() {
        SourceThrottle throttle = new SourceThrottle(2, Duration.ofSeconds(60));
        throttle.failed("s", T);
        throttle.failed("s", T.plusSeconds(61));
        assertThat(throttle.allows("s", T.plusSeconds(62))).isTrue();
        throttle.failed("s", T.plusSeconds(63));
        assertThat(throttle.allows("s", T.plusSeconds(64))).isFalse();
    }

    @Test
    void limitZero_turnsTheThrottleOff() {
        SourceThrottle throttle = new SourceThrottle(0, Duration.ofSeconds(60));
        for (int i = 0; i < 100; i++) {
            throttle.failed("s", T);
        }
        assertThat(throttle.allows("s", T)).isTrue();
    }
}
