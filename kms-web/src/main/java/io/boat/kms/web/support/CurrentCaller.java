package io.boat.kms.web.support;

import io.boat.kms.KmsException;
import io.boat.kms.identity.IdentityCaller;
import io.boat.kms.identity.TokenClaims;
import io.boat.kms.policy.Caller;
import io.boat.kms.project.ProjectId;
import jakarta.enterprise.context.RequestScoped;
import java.util.HashSet;

/** The verified token of the current request, set by {@link TokenAuthFilter}. */
@RequestScoped
public class CurrentCaller {

    private TokenClaims claims;

    void set(TokenClaims claims) {
        this.claims = claims;
    }

    /** The token's claims; 401 when the request carried no valid token. */
    public TokenClaims claims() {
        if (claims == null) {
            throw KmsException.unauthorized();
        }
        return claims;
    }

    /**
     * The caller of a project-scoped operation; an unscoped token is refused, and so is a blank
     * project claim (an external issuer's empty claim names no project, and must not pool every such
     * token into one shared project).
     */
    public Caller caller() {
        TokenClaims c = claims();
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
