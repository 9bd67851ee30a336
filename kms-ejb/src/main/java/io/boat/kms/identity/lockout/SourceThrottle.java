package io.boat.kms.identity.lockout;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per source address in fixed windows; a source over the limit is refused
 * until its window ends, whatever user it tries. Guessing passwords across many accounts is what
 * per-account lockout alone does not stop. Held per node, in memory. Thread-safe.
 */
public final class SourceThrottle {

    private static final int MAX_SOURCES = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Map<String, Window> sources = new ConcurrentHashMap<>();

    private record Window(Instant start, int failures) {
    }

    /** {@code maxFailures} 0 turns the throttle off. */
    public SourceThrottle(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** False while the source has used up its failures in the current window. */
    public boolean allows(String source, Instant now) {
        if (maxFailures <= 0) {
            return true;
        }
        Window w = sources.get(source);
        return w == null || expired(w, now) || w.failures() < maxFailures;
    }

    public void failed(String source, Instant now) {
        if (maxFailures <= 0) {
            return;
        }
        if (sources.size() >= MAX_SOURCES) {
            sources.values().removeIf(w -> expired(w, now));
        }
        sources.merge(source, new Window(now, 1),
                (old, one) -> expired(old, now) ? one : new Window(old.start(), old.failures() + 1));
    }

    private boolean expired(Window w, Instant now) {
        return !now.isBefore(w.start().plus(window));
    }
}
