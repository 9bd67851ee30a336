package io.boat.kms.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The release policy cache: served until its time to live, dropped by a change on this node at once,
 * never keeping what was loaded while a change was in flight, bounded.
 */
class ReleasePolicyCacheTest {

    private static final ReleasePolicy OPEN = ReleasePolicy.defaults(300);
    private static final ReleasePolicy EDGE_ONLY = new ReleasePolicy(true, List.of("edge"), List.of(), List.of(), 300, false);

    private Instant now = Instant.parse("2026-11-30T12:00:00Z");
    private ReleasePolicy stored = OPEN;
    private final List<String> loads = new ArrayList<>();
    private final Function<String, ReleasePolicy> database = id -> {
        loads.add(id);
        return stored;
    };

    private ReleasePolicyCache cache(int size, Duration ttl) {
        return new ReleasePolicyCache(size, ttl, () -> now);
    }

    @Test
    void get_withinTimeToLive_readsTheDatabaseOnce() {
        ReleasePolicyCache cache = cache(10, Duration.ofSeconds(30));

        cache.get("s1", database);
        now = now.plusSeconds(29);
        stored = EDGE_ONLY;

        assertThat(cache.get("s1", database)).isEqualTo(OPEN);
        assertThat(loads).containsExactly("s1");
    }

    @Test
    void get_afterTimeToLive_anotherNodesChangeIsSeen() {
        ReleasePolicyCache cache = cache(10, Duration.ofSeconds(30));
        cache.get("s1", database);
        stored = EDGE_ONLY;
        now = now.plusSeconds(30);

        assertThat(cache.get("s1", database)).isEqualTo(EDGE_ONLY);
    }

    @Test
    void get_whileAChangeIsInFlightAndAfterItEnds_neverServesTheReplacedOrUncommittedPolicy() {
        ReleasePolicyCache cache = cache(10, Duration.ofSeconds(30));
        cache.get("s1", database);

        cache.writing("s1");
        stored = EDGE_ONLY;
        assertThat(cache.get("s1", database)).isEqualTo(EDGE_ONLY);
        // The change rolls back: what was read during it must not be served.
        stored = OPEN;
        cache.written("s1");

        assertThat(cache.get("s1", database)).isEqualTo(OPEN);
        assertThat(loads).containsExactly("s1", "s1", "s1");
    }

    @Test
    void get_loadRacingAChange_isNotKept() {
        ReleasePolicyCache cache = cache(10, Duration.ofSeconds(30));
        // The change starts and ends while the load is reading the old row.
        cache.get("s1", id -> {
            cache.writing("s1");
            cache.written("s1");
            return OPEN;
        });
        stored = EDGE_ONLY;

        assertThat(cache.get("s1", database)).isEqualTo(EDGE_ONLY);
    }

    @Test
    void get_zeroTimeToLive_alwaysReadsTheDatabase() {
        ReleasePolicyCache cache = cache(10, Duration.ZERO);

        cache.get("s1", database);
        cache.get("s1", database);

        assertThat(loads).containsExactly("s1", "s1");
    }

    @Test
    void get_pastTheBound_leastRecentlyUsedIsDropped() {
        ReleasePolicyCache cache = cache(2, Duration.ofSeconds(30));
        cache.get("s1", database);
        cache.get("s2", database);
        cache.get("s1", database);
        cache.get("s3", database);
        loads.clear();

        cache.get("s1", database);
        cache.get("s2", database);

        assertThat(loads).containsExactly("s2");
    }

    @Test
    void new_badBounds_fail() {
        assertThatThrownBy(() -> cache(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not 0");
        assertThatThrownBy(() -> cache(1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("PT-1S");
    }
}
