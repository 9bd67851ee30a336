package io.boat.kms.web.identity;

import io.boat.kms.UnknownResourceException;
import io.boat.kms.KmsException;
import io.boat.kms.config.BoatConfig;
import io.boat.kms.identity.Identity;
import io.boat.kms.identity.IdentityAdminService;
import io.boat.kms.identity.IdentityService;
import io.boat.kms.identity.IssuedToken;
import io.boat.kms.identity.TokenClaims;
import io.boat.kms.identity.TokenService;
import io.boat.kms.identity.lockout.LoginGuard;
import io.boat.kms.web.support.RequestBodies;
import io.boat.kms.web.support.CurrentCaller;
import io.boat.kms.web.support.Links;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import static io.boat.kms.web.support.CachedJsonProvider.JSON;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * Keystone v3 token API, as the OpenStack clients use it: discovery ({@code GET /v3}), password and
 * token authentication with project scope ({@code POST /v3/auth/tokens}, token in
 * {@code X-Subject-Token}), validation ({@code GET}/{@code HEAD /v3/auth/tokens}) and the catalog.
 */
@ApplicationScoped
@Path("v3")
@Produces(MediaType.APPLICATION_JSON)
public class KeystoneResource {

    static final String SUBJECT_TOKEN = "X-Subject-Token";

    @EJB
    IdentityService identity;

    @EJB
    TokenService tokens;

    @EJB
    IdentityAdminService admin;

    @EJB
    LoginGuard guard;

    @Context
    HttpServletRequest request;

    @Inject
    CurrentCaller current;

    @Inject
    BoatConfig config;

    @Context
    UriInfo uri;

    @GET
    public String version() {
        return JSON.createObjectBuilder().add("version", JSON.createObjectBuilder()
                .add("id", "v3.14").add("status", "stable").add("updated", "2020-04-07T00:00:00Z")
                .add("links", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("rel", "self")
                        .add("href", Links.base(uri) + "/v3/")))
                .add("media-types", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("base", "application/json").add("type", "application/vnd.openstack.identity-v3+json"))))
                .build().toString();
    }

    @POST
    @Path("auth/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(InputStream body, @QueryParam("nocatalog") String nocatalog) {
        JsonObject auth = KeystoneAuthRequests.object(RequestBodies.object(RequestBodies.read(body, config.maxRequestBytes())), "auth",
                "the request body");
        Identity.Authentication result = KeystoneAuthRequests.authenticate(auth, identity, guard, tokens,
                request.getRemoteAddr());
        IssuedToken token = tokens.issue(result);
        String json = KeystoneJson.token(uri, result.user(), result.project(), result.roles(), result.system(),
                result.methods(), result.auditIds(), token.issuedAt(), token.expiresAt(), nocatalog == null)
                .build().toString();
        return Response.status(201).header(SUBJECT_TOKEN, token.token()).entity(json).build();
    }

    @GET
    @Path("auth/tokens")
    public Response validate(@HeaderParam(SUBJECT_TOKEN) String subject, @QueryParam("nocatalog") String nocatalog) {
        TokenClaims caller = current.claims();
        TokenClaims claims = subjectClaims(subject);
        admin.requireTokenAccess(caller, claims);
        Identity.User user = identity.user(claims.userId()).orElseThrow(KeystoneResource::notFound);
        Identity.Project project = claims.scoped() ? identity.project(claims.projectId()).orElseThrow(
                KeystoneResource::notFound) : null;
        String json = KeystoneJson.token(uri, user, project, claims.roles(), claims.system(), claims.methods(),
                claims.auditIds(), claims.issuedAt(), claims.expiresAt(), nocatalog == null).build().toString();
        return Response.ok(json).header(SUBJECT_TOKEN, subject).build();
    }

    @HEAD
    @Path("auth/tokens")
    public Response check(@HeaderParam(SUBJECT_TOKEN) String subject) {
        TokenClaims caller = current.claims();
        admin.requireTokenAccess(caller, subjectClaims(subject));
        return Response.ok().header(SUBJECT_TOKEN, subject).build();
    }

    /** Revokes the subject token (and tokens re-scoped from it) on every node. */
    @DELETE
    @Path("auth/tokens")
    public Response revoke(@HeaderParam(SUBJECT_TOKEN) String subject) {
        TokenClaims caller = current.claims();
        admin.revokeToken(caller, subjectClaims(subject));
        return Response.noContent().build();
    }

    @GET
    @Path("auth/catalog")
    public String catalog() {
        current.claims();
        return JSON.createObjectBuilder().add("catalog", KeystoneJson.catalog(uri))
                .add("links", JSON.createObjectBuilder().add("self", Links.base(uri) + "/v3/auth/catalog"))
                .build().toString();
    }

    /** The PEM public key that verifies BOAT's tokens (for relying parties' {@code mp.jwt.verify.publickey}). */
    @GET
    @Path("OS-BOAT/token-signing-key")
    @Produces("application/x-pem-file")
    public String signingKey() {
        return tokens.publicKeyPem();
    }

    private TokenClaims subjectClaims(String subject) {
        try {
            return tokens.verify(subject);
        } catch (KmsException e) {
            throw notFound();
        }
    }

    private static KmsException notFound() {
        return new UnknownResourceException("Failed to validate token");
    }

}
