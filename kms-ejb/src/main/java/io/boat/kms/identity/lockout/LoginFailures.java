package io.boat.kms.identity.lockout;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where failed logins are counted: per account in the database (so lockout holds on every node)
 * and per source address in memory. Failures are written in their own transaction, since the
 * login that failed rolls its own back.
 */
@Singleton
@Lock(LockType.READ)
public class LoginFailures {

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "boat.identity.lockout-failure-attempts", defaultValue = "6")
    int lockoutFailureAttempts;

    @Inject
    @ConfigProperty(name = "boat.identity.lockout-duration", defaultValue = "1800")
    long lockoutDurationSeconds;

    @Inject
    @ConfigProperty(name = "boat.login.source-max-failures", defaultValue = "30")
    int sourceMaxFailures;

    @Inject
    @ConfigProperty(name = "boat.login.source-window-seconds", defaultValue = "60")
    long sourceWindowSeconds;

    private Lockout lockout;
    private SourceThrottle throttle;

    @PostConstruct
    void init() {
        lockout = new Lockout(lockoutFailureAttempts, Duration.ofSeconds(lockoutDurationSeconds));
        throttle = new SourceThrottle(sourceMaxFailures, Duration.ofSeconds(sourceWindowSeconds));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean sourceAllowed(String source) {
        return throttle.allows(source, Instant.now());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean locked(String account) {
        LoginFailureEntity row = em.find(LoginFailureEntity.class, account);
        return row != null && lockout.locked(row.failures, row.lastFailure.toInstant(), Instant.now());
    }

    /** A failure that does not count against the account (it is locked already). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void sourceFailed(String source) {
        throttle.failed(source, Instant.now());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String account, String source) {
        Instant now = Instant.now();
        throttle.failed(source, now);
        LoginFailureEntity row = em.find(LoginFailureEntity.class, account);
        if (row == null) {
            row = new LoginFailureEntity();
            row.account = account;
            em.persist(row);
        } else if (lockout.stale(row.lastFailure.toInstant(), now)) {
            row.failures = 0;
        }
        row.failures++;
        row.lastFailure = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    /** A successful login starts the count again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void succeeded(String account) {
        LoginFailureEntity row = em.find(LoginFailureEntity.class, account);
        if (row != null) {
            em.remove(row);
        }
    }
}
