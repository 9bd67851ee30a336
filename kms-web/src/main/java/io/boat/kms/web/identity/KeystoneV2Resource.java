package io.boat.kms.web.identity;

import io.boat.kms.KmsException;
import io.boat.kms.config.BoatConfig;
import io.boat.kms.identity.Identity;
import io.boat.kms.identity.IdentityService;
import io.boat.kms.identity.IssuedToken;
import io.boat.kms.identity.TokenService;
import io.boat.kms.identity.lockout.LoginGuard;
import io.boat.kms.web.support.RequestBodies;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Identity v2.0 {@code POST /v2.0/tokens}, kept because the 2014 report's curl sequence uses it
 * (Keystone itself dropped v2.0). Issues the same JWT as v3, in {@code access.token.id}.
 */
@ApplicationScoped
@Path("v2.0")
@Produces(MediaType.APPLICATION_JSON)
public class KeystoneV2Resource {

    @EJB
    LoginGuard guard;

    @Context
    HttpServletRequest request;

    @EJB
    TokenService tokens;

    @Inject
    BoatConfig config;

    @Context
    UriInfo uri;

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public String issue(InputStream body) {
        JsonObject auth = KeystoneAuthRequests.object(RequestBodies.object(RequestBodies.read(body, config.maxRequestBytes())),
                "auth", "the request body");
        JsonObject credentials = KeystoneAuthRequests.object(auth, "passwordCredentials", "auth");
        String tenantId = KeystoneAuthRequests.optional(auth, "tenantId");
        String tenantName = KeystoneAuthRequests.optional(auth, "tenantName");
        if (tenantId == null && tenantName == null) {
            throw KmsException.unauthorized();
        }
        char[] password = KeystoneAuthRequests.text(credentials, "password", "passwordCredentials").toCharArray();
        Identity.Authentication result;
        try {
            result = guard.password(new IdentityService.UserRef(null,
                    KeystoneAuthRequests.text(credentials, "username", "passwordCredentials"),
                    Identity.DEFAULT_DOMAIN_ID, null), password,
                    new IdentityService.ProjectRef(tenantId, tenantName, Identity.DEFAULT_DOMAIN_ID, null),
                    request.getRemoteAddr());
        } finally {
            Arrays.fill(password, '\0');
        }
        IssuedToken token = tokens.issue(result);
        return KeystoneJson.access(uri, token.token(), result.user(), result.project(), result.roles(),
                token.issuedAt(), token.expiresAt()).build().toString();
    }
}
