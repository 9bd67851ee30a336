package io.boat.kms.release;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Release policies by secret id, so a release does not read the policy table. A change made on this
 * node is seen at once: {@link ReleasePolicies} calls {@link #writing} before it writes and
 * {@link #written} when the transaction ends (committed or not), and nothing loaded while a write is
 * in flight is kept, so neither an uncommitted policy nor the one it replaces outlives the change.
 * A change made on another node is seen once the entry's time to live has passed
 * ({@value #SECONDS}, 30 s by default; 0 turns the cache off). Bounded: the least recently used entry goes first.
 */
@ApplicationScoped
public class ReleasePolicyCache {
    /** Seconds a loaded policy is served at most: how long another node's change may go unseen. */
    public static final String SECONDS = "boat.release.policy-cache-seconds";
    /** Most policies held. */
    public static final String SIZE = "boat.release.policy-cache-size";

    private record Entry(ReleasePolicy policy, Instant loadedAt) {
    }

    private Map<String, Entry> entries;
    private final Map<String, Integer> inFlight = new HashMap<>();
    private Duration ttl;
    private Supplier<Instant> clock;
    /** Advanced by every change, so a load that raced one is not kept. */
    private long generation;

    /** For CDI; {@link #configure()} sets it up from MicroProfile Config. */
    public ReleasePolicyCache() {
    }

    /** Set up explicitly (tests). */
    ReleasePolicyCache(int maxEntries, Duration ttl, Supplier<Instant> clock) {
        setUp(maxEntries, ttl, clock);
    }

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        setUp(config.getOptionalValue(SIZE, Integer.class).orElse(10_000),
            Duration.ofSeconds(config.getOptionalValue(SECONDS, Long.class).orElse(30L)), Instant::now);
    }

    private void setUp(int maxEntries, Duration ttl, Supplier<Instant> clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("policy cache size must be at least 1, not " + maxEntries);
        }
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("policy cache time to live must not be negative, not " + ttl);
        }
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The cached policy of {@code secretId}, else {@code load}'s answer (kept unless a change raced it). */
    public ReleasePolicy get(String secretId, Function<String, ReleasePolicy> load) {
        long seen;
        synchronized (this) {
            Entry e = entries.get(secretId);
            if (e != null && clock.get().isBefore(e.loadedAt().plus(ttl))) {
                return e.policy();
            }
            seen = generation;
        }
        Instant loadedAt = clock.get();
        ReleasePolicy policy = load.apply(secretId);
        synchronized (this) {
            if (seen == generation && !inFlight.containsKey(secretId) && !ttl.isZero()) {
                entries.put(secretId, new Entry(policy, loadedAt));
            }
        }
        return policy;
    }

    /** A transaction is about to change the policy: served from the database until {@link #written}. */
    public synchronized void writing(String secretId) {
        generation++;
        entries.remove(secretId);
        inFlight.merge(secretId, 1, Integer::sum);
    }

    /** The transaction that changed the policy has ended, committed or rolled back. */
    public synchronized void written(String secretId) {
        generation++;
        entries.remove(secretId);
        inFlight.computeIfPresent(secretId, (id, n) -> n == 1 ? null : n - 1);
    }
}
