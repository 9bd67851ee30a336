package io.boat.attestation.service.application;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds how many challenges one client address obtains per minute, so that nonce issuance (which
 * needs no credentials) cannot be used to fill the challenge table. Fixed one-minute windows, kept in
 * this instance's memory: a cluster of N instances allows up to N times the limit, which still bounds it.
 */
final class NonceRateLimiter {
    private static final int MAX_TRACKED_SOURCES = 10_000;
    private final int perMinute;
    private final Clock clock;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long window;

    NonceRateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one request from {@code source}; false when the source has used up this minute's allowance. */
    boolean tryAcquire(String source) {
        long now = clock.millis() / 60_000;
        if (now != window || counts.size() > MAX_TRACKED_SOURCES) {
            synchronized (this) {
                if (now != window || counts.size() > MAX_TRACKED_SOURCES) {
                    counts.clear();
                    window = now;
                }
            }
        }
        return counts.computeIfAbsent(source, s -> new AtomicInteger()).incrementAndGet() <= perMinute;
    }
}
