package io.boat.kms.identity.revocation;

import io.boat.kms.KmsException;
import io.boat.kms.config.BoatConfig;
import io.boat.kms.identity.TokenClaims;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records revocations (Keystone's revocation events) in the database and answers, on every
 * request, whether a token is revoked. The answer comes from this node's {@link RevocationList};
 * events written here apply at once, events written by other nodes within
 * {@code boat.revocation.refresh-ms} (one indexed query per interval per node, not per request).
 * A plain CDI bean, not an EJB, since it is asked on every request: its state is thread-safe by
 * itself. The database work (the refresh's read, {@code revoke*}'s writes in the caller's
 * transaction) goes through {@link RevocationEvents}, an EJB, so the persistence unit resolves in an EAR too.
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class.getName());
    /** Re-reads a window this long before the last refresh, for transactions that committed late. */
    private static final Duration OVERLAP = Duration.ofSeconds(30);

    @EJB
    RevocationEvents events;

    @Inject
    BoatConfig config;

    @Inject
    @ConfigProperty(name = "boat.revocation.refresh-ms", defaultValue = "1000")
    long refreshMillis;

    private final RevocationList list = new RevocationList();
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile long nextRefreshNanos;
    private volatile Instant lastRefresh;

    @PostConstruct
    void init() {
        nextRefreshNanos = System.nanoTime();
    }

    /** Refuses a revoked token as not authenticated. */
    public void check(TokenClaims token) {
        if (isRevoked(token)) {
            throw KmsException.unauthorized();
        }
    }

    public boolean isRevoked(TokenClaims token) {
        refreshIfDue();
        // Fail closed: without the revocation list (database unreachable since start) no token is trusted.
        return lastRefresh == null || list.isRevoked(token);
    }

    /** Revokes one token and every token re-scoped from it ({@code DELETE /v3/auth/tokens}), in the caller's transaction. */
    public void revokeToken(TokenClaims token) {
        record(token.auditIds().isEmpty() ? token.tokenId() : token.auditIds().get(0), null, null);
    }

    /** All tokens of a user: password change, disable, delete. */
    public void revokeUser(String userId) {
        record(null, userId, null);
    }

    /** All tokens scoped to a project: disable, delete. */
    public void revokeProject(String projectId) {
        record(null, null, projectId);
    }

    /** A user's tokens in one project: a role grant removed. */
    public void revokeUserInProject(String userId, String projectId) {
        record(null, userId, projectId);
    }

    private void record(String auditId, String userId, String projectId) {
        Instant now = Instant.now();
        RevocationEventEntity row = new RevocationEventEntity();
        row.id = UUID.randomUUID().toString();
        row.auditId = auditId;
        row.userId = userId;
        row.projectId = projectId;
        row.revokedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        row.expiresAt = row.revokedAt.plusSeconds(config.tokenTtlSeconds());
        events.add(row);
        list.add(event(row));
    }

    private void refreshIfDue() {
        if (lastRefresh == null) {
            refreshing.lock(); // nothing is known yet: wait for the first load rather than pass a revoked token
        } else if (System.nanoTime() - nextRefreshNanos < 0 || !refreshing.tryLock()) {
            return;
        }
        try {
            Instant now = Instant.now();
            Instant from = lastRefresh == null ? Instant.EPOCH : lastRefresh.minus(OVERLAP);
            events.since(OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .stream().map(Revocations::event).forEach(list::add);
            list.prune(now.minusSeconds(config.tokenTtlSeconds()));
            lastRefresh = now;
        } catch (RuntimeException e) {
            // Keep answering from what is known; a database outage must not log one line per request.
            LOG.warning("Revocation refresh failed, retrying in " + refreshMillis + " ms: " + e);
        } finally {
            nextRefreshNanos = System.nanoTime() + Duration.ofMillis(refreshMillis).toNanos();
            refreshing.unlock();
        }
    }

    private static RevocationEvent event(RevocationEventEntity row) {
        return new RevocationEvent(row.id, row.auditId, row.userId, row.projectId, row.revokedAt.toInstant());
    }
}
