package io.boat.kms.web.identity;

import io.boat.kms.config.BoatConfig;
import io.boat.kms.identity.Identity;
import io.boat.kms.identity.IdentityService;
import io.boat.kms.policy.Role;
import io.boat.kms.web.support.CurrentCaller;
import io.boat.kms.web.support.RequestFields;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import static io.boat.kms.web.support.CachedJsonProvider.JSON;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Keystone-style administration of the built-in identity: projects, users and role grants
 * ({@code PUT /v3/projects/{p}/users/{u}/roles/{role}}). Requires the {@code admin} role.
 */
@ApplicationScoped
@Path("v3")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityAdminResource {

    @EJB
    IdentityService identity;

    @Inject
    CurrentCaller current;

    @Inject
    BoatConfig config;

    @POST
    @Path("projects")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createProject(InputStream body) {
        var caller = current.identityCaller();
        RequestFields f = new RequestFields(section(body, "project"), "Project");
        Identity.Project p = identity.createProject(caller, f.requiredString("name", 255));
        return Response.status(201).entity(JSON.createObjectBuilder()
                .add("project", KeystoneJson.projectEntry(p)).build().toString()).build();
    }

    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createUser(InputStream body) {
        var caller = current.identityCaller();
        RequestFields f = new RequestFields(section(body, "user"), "User");
        String name = f.requiredString("name", 255);
        char[] password = f.requiredString("password", 1024).toCharArray();
        try {
            Identity.User u = identity.createUser(caller, name, password);
            return Response.status(201).entity(JSON.createObjectBuilder().add("user", KeystoneJson.user(u))
                    .build().toString()).build();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @GET
    @Path("roles")
    public String roles(@QueryParam("name") String name) {
        current.identityCaller();
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (Role r : Role.values()) {
            if (name != null && !name.equals(r.wire())) {
                continue;
            }
            items.add(JSON.createObjectBuilder().add("id", r.wire()).add("name", r.wire()));
        }
        return JSON.createObjectBuilder().add("roles", items).build().toString();
    }

    @PUT
    @Path("projects/{project}/users/{user}/roles/{role}")
    public Response grant(@PathParam("project") String project, @PathParam("user") String user,
                          @PathParam("role") String role) {
        identity.grant(current.identityCaller(), user, project, role);
        return Response.noContent().build();
    }

    private JsonObject section(InputStream body, String name) {
        return KeystoneAuthRequests.section(body, name, config.maxRequestBytes());
    }
}
