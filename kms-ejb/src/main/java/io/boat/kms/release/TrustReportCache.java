package io.boat.kms.release;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Verified trust reports by AK name, so releases to a host that attested recently stay off the
 * network. Bounded: the least recently used entry goes first. An entry is served only while it was
 * fetched less than the caller's maximum age ago and its report has not expired; a report without
 * an expiry is never served from here.
 */
final class TrustReportCache {
    private record Entry(AttestedHost host, Instant fetchedAt) {
    }

    private final Map<String, Entry> entries;

    TrustReportCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("report cache size must be at least 1, not " + maxEntries);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized Optional<AttestedHost> fresh(AkName akName, Duration maxAge, Instant now) {
        Entry e = entries.get(akName.hex());
        if (e == null) {
            return Optional.empty();
        }
        if (e.host().expiresAt() == null || !now.isBefore(e.host().expiresAt())) {
            entries.remove(akName.hex());
            return Optional.empty();
        }
        // Too old for this caller may still be young enough for a policy with a longer maximum age: kept.
        return now.isBefore(e.fetchedAt().plus(maxAge)) ? Optional.of(e.host()) : Optional.empty();
    }

    synchronized void put(AttestedHost host, Instant fetchedAt) {
        entries.put(host.akName().hex(), new Entry(host, fetchedAt));
    }

    synchronized int size() {
        return entries.size();
    }
}
