package io.boat.kms.release;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Verified trust reports by AK name, so releases to a host that attested recently stay off the
 * network. Bounded: the least recently used entry goes first. An entry is served only while its
 * report was verified less than the caller's maximum age ago (the age the policy speaks of is the
 * report's, not the copy's: a copy fetched a second ago of a report verified an hour ago is an hour
 * old), it has not expired, and the copy is younger than the cache's time to live: that bounds how
 * long BOAT keeps releasing on a trusted verdict after the service has turned the host untrusted. A
 * report without a verification time or an expiry is never served from here.
 */
final class TrustReportCache {
    private record Entry(AttestedHost host, Instant fetchedAt) {
    }

    /** How long a copy is served at most when the configuration does not say. */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

    private final Map<String, Entry> entries;
    private final Duration ttl;

    TrustReportCache(int maxEntries) {
        this(maxEntries, DEFAULT_TTL);
    }

    TrustReportCache(int maxEntries, Duration ttl) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("report cache time to live must not be negative, not " + ttl);
        }
        this.ttl = ttl;
        if (maxEntries < 1) {
            throw new IllegalArgumentException("report cache size must be at least 1, not " + maxEntries);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TrustReportCache.Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized Optional<AttestedHost> fresh(AkName akName, Duration maxAge, Instant now) {
        Entry e = entries.get(akName.hex());
        if (e == null) {
            return Optional.empty();
        }
        if (e.host().expiresAt() == null || e.host().verifiedAt() == null || !now.isBefore(e.host().expiresAt())
                || !now.isBefore(e.fetchedAt().plus(ttl))) {
            entries.remove(akName.hex());
            return Optional.empty();
        }
        // Too old for this caller may still be young enough for a policy with a longer maximum age: kept.
        return now.isBefore(e.host().verifiedAt().plus(maxAge)) ? Optional.of(e.host()) : Optional.empty();
    }

    synchronized void put(AttestedHost host, Instant fetchedAt) {
        entries.put(host.akName().hex(), new Entry(host, fetchedAt));
    }

    synchronized int size() {
        return entries.size();
    }
}
