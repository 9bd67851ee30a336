package io.boat.kms.identity.lockout;

import io.boat.kms.KmsException;
import io.boat.kms.NotAuthenticatedException;
import io.boat.kms.identity.Identity;
import io.boat.kms.identity.IdentityAdminService;
import io.boat.kms.identity.IdentityService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Every password check from outside goes through here: a source over its failure budget is
 * throttled ({@link LoginsThrottledException}) before any password is looked at, a locked account
 * is refused exactly like a wrong password, and each failure is counted and logged with the user name and source — never the password.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoginGuard {

    private static final Logger LOG = Logger.getLogger(LoginGuard.class.getName());

    @EJB
    IdentityService identity;

    @EJB
    IdentityAdminService admin;

    @EJB
    LoginFailures failures;

    /** Keystone's password method, guarded. */
    public Identity.Authentication password(IdentityService.UserRef user, char[] password,
                                            IdentityService.ProjectRef scope, String source) {
        String who = user.id() != null ? user.id() : user.name();
        return guarded(identity.accountKey(user), who, source,
                () -> identity.authenticatePassword(user, password, scope));
    }

    /** {@code POST /v3/users/{id}/password}, guarded like a login: the original password is a credential. */
    public void changePassword(String userId, char[] original, char[] password, String source) {
        guarded(identity.accountKey(new IdentityService.UserRef(userId, null, null, null)), userId, source, () -> {
            admin.changePassword(userId, original, password);
            return null;
        });
    }

    private <T> T guarded(String account, String who, String source, Supplier<T> attempt) {
        if (!failures.sourceAllowed(source)) {
            LOG.warning(() -> "Login refused, too many failures from " + source + " (user " + printable(who) + ")");
            throw new LoginsThrottledException("Too many failed logins from this address; retry later.");
        }
        if (failures.locked(account)) {
            failures.sourceFailed(source);
            LOG.warning(() -> "Login refused, account locked: user " + printable(who) + " from " + source);
            throw KmsException.unauthorized();
        }
        try {
            T result = attempt.get();
            failures.succeeded(account);
            return result;
        } catch (NotAuthenticatedException e) {
            failures.failed(account, source);
            LOG.warning(() -> "Failed login: user " + printable(who) + " from " + source);
            throw e;
        }
    }

    /** A user name as a client sent it, safe for one log line: no control characters, bounded. */
    static String printable(String s) {
        if (s == null) {
            return "(none)";
        }
        String cut = s.length() > 100 ? s.substring(0, 100) + "…" : s;
        return "'" + cut.replaceAll("\\p{C}", "?") + "'";
    }
}
