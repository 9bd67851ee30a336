package io.boat.kms.web.secret;

import io.boat.kms.config.BoatConfig;
import io.boat.kms.release.ReleasePolicies;
import io.boat.kms.release.ReleasePolicy;
import io.boat.kms.secret.SecretId;
import io.boat.kms.web.support.CurrentCaller;
import io.boat.kms.web.support.RequestBodies;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * A secret's release policy, {@code /v1/secrets/{id}/release-policy}: GET the stored or default
 * policy, PUT a whole new one (answered with what was stored), DELETE back to the default.
 */
@ApplicationScoped
@Path("v1/secrets/{id}/release-policy")
@Produces(MediaType.APPLICATION_JSON)
public class ReleasePolicyResource {

    @EJB
    ReleasePolicies policies;

    @Inject
    CurrentCaller current;

    @Inject
    BoatConfig config;

    @GET
    public String get(@PathParam("id") SecretId id) {
        return ReleasePolicyJson.render(policies.get(current.caller(), id)).toString();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public String put(@PathParam("id") SecretId id, InputStream body) {
        var caller = current.caller();
        ReleasePolicy policy = ReleasePolicyJson.parse(RequestBodies.object(RequestBodies.read(body,
                config.maxRequestBytes())), config.defaultMaxReportAge());
        return ReleasePolicyJson.render(policies.put(caller, id, policy)).toString();
    }

    @DELETE
    public String reset(@PathParam("id") SecretId id) {
        return ReleasePolicyJson.render(policies.reset(current.caller(), id)).toString();
    }
}
