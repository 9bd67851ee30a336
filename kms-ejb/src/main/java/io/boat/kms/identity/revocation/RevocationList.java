package io.boat.kms.identity.revocation;

import io.boat.kms.identity.TokenClaims;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory index of revocation events that every request is checked against: a few hash
 * look-ups, no database. Per key only the latest revocation time is kept, since a later event
 * revokes everything an earlier one did. Thread-safe.
 */
public final class RevocationList {

    private final Map<String, Instant> byAuditId = new ConcurrentHashMap<>();
    private final Map<String, Instant> byUser = new ConcurrentHashMap<>();
    private final Map<String, Instant> byProject = new ConcurrentHashMap<>();
    private final Map<String, Instant> byUserInProject = new ConcurrentHashMap<>();
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    /** Adds an event; adding the same event (by id) again changes nothing. */
    public void add(RevocationEvent e) {
        if (seen.putIfAbsent(e.id(), e.revokedAt()) != null) {
            return;
        }
        if (e.auditId() != null) {
            latest(byAuditId, e.auditId(), e.revokedAt());
        } else if (e.userId() != null && e.projectId() != null) {
            latest(byUserInProject, e.userId() + '\n' + e.projectId(), e.revokedAt());
        } else if (e.userId() != null) {
            latest(byUser, e.userId(), e.revokedAt());
        } else {
            latest(byProject, e.projectId(), e.revokedAt());
        }
    }

    private static void latest(Map<String, Instant> index, String key, Instant at) {
        index.merge(key, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    public boolean isRevoked(TokenClaims token) {
        for (String audit : token.auditIds()) {
            if (byAuditId.containsKey(audit)) {
                return true;
            }
        }
        Instant issued = token.issuedAt();
        return revokedAfter(byUser.get(token.userId()), issued)
                || token.projectId() != null && (revokedAfter(byProject.get(token.projectId()), issued)
                || revokedAfter(byUserInProject.get(token.userId() + '\n' + token.projectId()), issued));
    }

    private static boolean revokedAfter(Instant revokedAt, Instant issued) {
        return revokedAt != null && !issued.isAfter(revokedAt);
    }

    /** Forgets events older than {@code before}: every token they could match has expired. */
    public void prune(Instant before) {
        for (Map<String, Instant> index : List.of(byAuditId, byUser, byProject, byUserInProject, seen)) {
            index.values().removeIf(at -> at.isBefore(before));
        }
    }

    /** The number of events held. */
    public int size() {
        return seen.size();
    }
}
