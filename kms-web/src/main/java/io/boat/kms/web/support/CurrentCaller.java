package io.boat.kms.web.support;

import io.boat.kms.KmsException;
import io.boat.kms.identity.IdentityCaller;
import io.boat.kms.identity.TokenClaims;
import io.boat.kms.policy.Caller;
import io.boat.kms.project.ProjectId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;

/**
 * The verified token of the current request, set by {@link TokenAuthFilter}.
 *
 * <p>A thread's value, not a request-scoped bean: creating that bean in Weld's request context on
 * every request was 5 % of a GET payload's CPU (bench/RESULTS.md, async-profiler). Requests run on
 * their thread from the filter to the resource method. The filter sets the value (null without a
 * token) before anything can read it, and {@link SlowBodyGuard}, around every request, clears it when
 * the request ends, so no request sees another's caller.
 */
@ApplicationScoped
public class CurrentCaller {

    private final ThreadLocal<TokenClaims> claims = new ThreadLocal<>();

    void set(TokenClaims verified) {
        claims.set(verified);
    }

    void clear() {
        claims.remove();
    }

    /** The token's claims; 401 when the request carried no valid token. */
    public TokenClaims claims() {
        TokenClaims c = claims.get();
        if (c == null) {
            throw KmsException.unauthorized();
        }
        return c;
    }

    /**
     * The caller of a project-scoped operation; an unscoped token is refused, and so is a blank
     * project claim (an external issuer's empty claim names no project, and must not pool every such
     * token into one shared project).
     */
    public Caller caller() {
        return callerOf(claims());
    }

    /** {@link #caller()} for verified claims held elsewhere than this thread's value. */
    public static Caller callerOf(TokenClaims c) {
        if (!c.scoped() || c.projectId().isBlank()) {
            throw KmsException.unauthorized();
        }
        return new Caller(c.userId(), c.userName(), new ProjectId(c.projectId()), new HashSet<>(c.roles()));
    }

    /** The caller of an identity operation: project- or system-scoped; an unscoped token is refused. */
    public IdentityCaller identityCaller() {
        TokenClaims c = claims();
        if (!c.scoped() && !c.system()) {
            throw KmsException.unauthorized();
        }
        return new IdentityCaller(c.userId(), c.projectId(), c.system(), new HashSet<>(c.roles()));
    }
}
