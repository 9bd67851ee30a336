package io.boat.kms.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which cached report may serve a release: young enough for the caller, unexpired, and still held. */
class TrustReportCacheTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static AkName ak(int i) {
        return new AkName("000b" + String.format("%064x", i));
    }

    private static AttestedHost host(int i, Instant expiresAt) {
        return new AttestedHost(ak(i), "report-" + i, true, List.of(), "default", null, null, T0, expiresAt, null);
    }

    @Test
    void fresh_youngerThanMaxAgeAndUnexpired_isServed() {
        TrustReportCache cache = new TrustReportCache(10, Duration.ofHours(1));
        AttestedHost h = host(1, T0.plusSeconds(600));
        cache.put(h, T0);

        assertThat(cache.fresh(ak(1), Duration.ofSeconds(60), T0.plusSeconds(59))).contains(h);
    }

    @Test
    void fresh_olderThanThisCallersMaxAge_isNotServedButKeptForLongerMaxAges() {
        TrustReportCache cache = new TrustReportCache(10);
        AttestedHost h = host(1, T0.plusSeconds(600));
        cache.put(h, T0);

        assertThat(cache.fresh(ak(1), Duration.ofSeconds(20), T0.plusSeconds(20))).isEmpty();
        assertThat(cache.fresh(ak(1), Duration.ofSeconds(300), T0.plusSeconds(20))).contains(h);
    }

    @Test
    void fresh_reportExpired_isNotServedWhateverTheMaxAge() {
        TrustReportCache cache = new TrustReportCache(10);
        cache.put(host(1, T0.plusSeconds(30)), T0);

        assertThat(cache.fresh(ak(1), Duration.ofHours(1), T0.plusSeconds(30))).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void fresh_reportWithoutExpiry_isNeverServed() {
        TrustReportCache cache = new TrustReportCache(10);
        cache.put(host(1, null), T0);

        assertThat(cache.fresh(ak(1), Duration.ofHours(1), T0)).isEmpty();
    }

    @Test
    void fresh_reportVerifiedLongerAgoThanMaxAge_isNotServedThoughFetchedJustNow() {
        TrustReportCache cache = new TrustReportCache(10);
        AttestedHost h = host(1, T0.plusSeconds(600));
        // Fetched 40 s after the host attested: the policy's age is the report's, not the copy's.
        cache.put(h, T0.plusSeconds(40));

        assertThat(cache.fresh(ak(1), Duration.ofSeconds(60), T0.plusSeconds(61))).isEmpty();
        assertThat(cache.fresh(ak(1), Duration.ofSeconds(60), T0.plusSeconds(59))).contains(h);
    }

    @Test
    void fresh_copyOlderThanTheTimeToLive_isDroppedSoTheServicesNewVerdictIsAskedFor() {
        TrustReportCache cache = new TrustReportCache(10, Duration.ofSeconds(30));
        AttestedHost h = host(1, T0.plusSeconds(600));
        cache.put(h, T0);

        assertThat(cache.fresh(ak(1), Duration.ofSeconds(300), T0.plusSeconds(29))).contains(h);
        assertThat(cache.fresh(ak(1), Duration.ofSeconds(300), T0.plusSeconds(30))).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void fresh_reportWithoutVerificationTime_isNeverServed() {
        TrustReportCache cache = new TrustReportCache(10);
        cache.put(new AttestedHost(ak(1), "report-1", true, List.of(), "default", null, null, null,
            T0.plusSeconds(600), null), T0);

        assertThat(cache.fresh(ak(1), Duration.ofHours(1), T0)).isEmpty();
    }

    @Test
    void put_beyondMaxEntries_evictsTheLeastRecentlyUsed() {
        TrustReportCache cache = new TrustReportCache(2, Duration.ofHours(1));
        cache.put(host(1, T0.plusSeconds(600)), T0);
        cache.put(host(2, T0.plusSeconds(600)), T0);
        cache.fresh(ak(1), Duration.ofSeconds(60), T0);

        cache.put(host(3, T0.plusSeconds(600)), T0);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.fresh(ak(2), Duration.ofSeconds(60), T0)).isEmpty();
        assertThat(cache.fresh(ak(1), Duration.ofSeconds(60), T0)).isPresent();
        assertThat(cache.fresh(ak(3), Duration.ofSeconds(60), T0)).isPresent();
    }

    @Test
    void new_sizeBelowOne_isRefused() {
        assertThatThrownBy(() -> new TrustReportCache(0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("at least 1, not 0");
    }
}
