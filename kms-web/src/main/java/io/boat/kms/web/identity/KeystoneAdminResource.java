package io.boat.kms.web.identity;

import static io.boat.kms.web.support.CachedJsonProvider.JSON;

import io.boat.kms.UnknownResourceException;
import io.boat.kms.config.BoatConfig;
import io.boat.kms.identity.Identity;
import io.boat.kms.identity.IdentityAdminService;
import io.boat.kms.identity.lockout.LoginGuard;
import jakarta.servlet.http.HttpServletRequest;
import io.boat.kms.web.support.CurrentCaller;
import io.boat.kms.web.support.RequestFields;
import io.boat.kms.web.support.Links;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The Keystone v3 administration calls OpenStack tooling makes after creating things: get, list
 * ({@code ?name=}), update and delete users and projects, self-service password change, grant
 * checks and removal, {@code GET /v3/role_assignments}, and the {@code Default} domain.
 */
@ApplicationScoped
@Path("v3")
@Produces(MediaType.APPLICATION_JSON)
public class KeystoneAdminResource {

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
    @Path("users")
    public String users(@QueryParam("name") String name) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        admin.users(current.identityCaller(), name).forEach(u -> items.add(user(u)));
        return collection("users", items);
    }

    @GET
    @Path("users/{id}")
    public String user(@PathParam("id") String id) {
        return JSON.createObjectBuilder().add("user", user(admin.user(current.identityCaller(), id))).build().toString();
    }

    @PATCH
    @Path("users/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String updateUser(@PathParam("id") String id, InputStream body) {
        var caller = current.identityCaller();
        JsonObject o = section(body, "user");
        RequestFields f = new RequestFields(o, "User");
        String password = f.string("password", 1024);
        char[] chars = password == null ? null : password.toCharArray();
        try {
            Identity.User u = admin.updateUser(caller, id, new IdentityAdminService.UserChange(f.string("name", 255),
                    bool(o, f, "enabled"), chars));
            return JSON.createObjectBuilder().add("user", user(u)).build().toString();
        } finally {
            wipe(chars);
        }
    }

    @DELETE
    @Path("users/{id}")
    public Response deleteUser(@PathParam("id") String id) {
        admin.deleteUser(current.identityCaller(), id);
        return Response.noContent().build();
    }

    /** Self-service: authenticated by the original password, as Keystone does, not by a token. */
    @POST
    @Path("users/{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@PathParam("id") String id, InputStream body) {
        RequestFields f = new RequestFields(section(body, "user"), "User");
        char[] original = f.requiredString("original_password", 1024).toCharArray();
        char[] password = f.requiredString("password", 1024).toCharArray();
        try {
            guard.changePassword(id, original, password, request.getRemoteAddr());
            return Response.noContent().build();
        } finally {
            wipe(original);
            wipe(password);
        }
    }

    @GET
    @Path("projects")
    public String projects(@QueryParam("name") String name) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        admin.projects(current.identityCaller(), name).forEach(p -> items.add(project(p)));
        return collection("projects", items);
    }

    @GET
    @Path("projects/{id}")
    public String project(@PathParam("id") String id) {
        return JSON.createObjectBuilder().add("project", project(admin.project(current.identityCaller(), id)))
                .build().toString();
    }

    @PATCH
    @Path("projects/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String updateProject(@PathParam("id") String id, InputStream body) {
        var caller = current.identityCaller();
        JsonObject o = section(body, "project");
        RequestFields f = new RequestFields(o, "Project");
        Identity.Project p = admin.updateProject(caller, id,
                new IdentityAdminService.ProjectChange(f.string("name", 255), bool(o, f, "enabled")));
        return JSON.createObjectBuilder().add("project", project(p)).build().toString();
    }

    @DELETE
    @Path("projects/{id}")
    public Response deleteProject(@PathParam("id") String id) {
        admin.deleteProject(current.identityCaller(), id);
        return Response.noContent().build();
    }

    @HEAD
    @Path("projects/{project}/users/{user}/roles/{role}")
    public Response checkGrantHead(@PathParam("project") String project, @PathParam("user") String user,
                                   @PathParam("role") String role) {
        return checkGrant(project, user, role);
    }

    @GET
    @Path("projects/{project}/users/{user}/roles/{role}")
    public Response checkGrant(@PathParam("project") String project, @PathParam("user") String user,
                               @PathParam("role") String role) {
        admin.checkGrant(current.identityCaller(), project, user, role);
        return Response.noContent().build();
    }

    @DELETE
    @Path("projects/{project}/users/{user}/roles/{role}")
    public Response revokeGrant(@PathParam("project") String project, @PathParam("user") String user,
                                @PathParam("role") String role) {
        admin.revokeGrant(current.identityCaller(), project, user, role);
        return Response.noContent().build();
    }

    @GET
    @Path("role_assignments")
    public String assignments(@QueryParam("user.id") String user, @QueryParam("scope.project.id") String project,
                              @QueryParam("role.id") String role) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (IdentityAdminService.Assignment a : admin.assignments(current.identityCaller(), user, project, role)) {
            String self = base() + "/projects/" + a.projectId() + "/users/" + a.userId() + "/roles/" + a.role();
            items.add(JSON.createObjectBuilder()
                    .add("role", JSON.createObjectBuilder().add("id", a.role()))
                    .add("user", JSON.createObjectBuilder().add("id", a.userId()))
                    .add("scope", JSON.createObjectBuilder().add("project", JSON.createObjectBuilder()
                            .add("id", a.projectId())))
                    .add("links", JSON.createObjectBuilder().add("assignment", self)));
        }
        return collection("role_assignments", items);
    }

    /** BOAT has one domain, Keystone's {@code default}. */
    @GET
    @Path("domains")
    public String domains(@QueryParam("name") String name) {
        current.identityCaller();
        JsonArrayBuilder items = JSON.createArrayBuilder();
        if (name == null || Identity.DEFAULT_DOMAIN_NAME.equals(name)) {
            items.add(domain());
        }
        return collection("domains", items);
    }

    @GET
    @Path("domains/{id}")
    public String domain(@PathParam("id") String id) {
        current.identityCaller();
        if (!Identity.DEFAULT_DOMAIN_ID.equals(id)) {
            throw new UnknownResourceException("Could not find domain: " + id + ".");
        }
        return JSON.createObjectBuilder().add("domain", domain()).build().toString();
    }

    private JsonObjectBuilder domain() {
        return JSON.createObjectBuilder().add("id", Identity.DEFAULT_DOMAIN_ID).add("name", Identity.DEFAULT_DOMAIN_NAME)
                .add("description", "The default domain").add("enabled", true)
                .add("tags", JSON.createArrayBuilder()).add("options", JSON.createObjectBuilder())
                .add("links", JSON.createObjectBuilder().add("self", base() + "/domains/" + Identity.DEFAULT_DOMAIN_ID));
    }

    private JsonObjectBuilder user(Identity.User u) {
        return KeystoneJson.user(u).add("options", JSON.createObjectBuilder())
                .add("links", JSON.createObjectBuilder().add("self", base() + "/users/" + u.id()));
    }

    private JsonObjectBuilder project(Identity.Project p) {
        return KeystoneJson.projectEntry(p).add("tags", JSON.createArrayBuilder()).add("options", JSON.createObjectBuilder())
                .add("links", JSON.createObjectBuilder().add("self", base() + "/projects/" + p.id()));
    }

    private String collection(String name, JsonArrayBuilder items) {
        return JSON.createObjectBuilder().add(name, items).add("links", JSON.createObjectBuilder()
                .add("self", base() + uri.getRequestUri().getRawPath().replaceFirst("^.*/v3", ""))
                .addNull("previous").addNull("next")).build().toString();
    }

    private String base() {
        return Links.base(uri) + "/v3";
    }

    /** An optional JSON boolean; anything else under that name is a 400. */
    private static Boolean bool(JsonObject o, RequestFields f, String name) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            throw f.invalid(name, name + " must be a boolean");
        }
        return v == JsonValue.TRUE;
    }

    private JsonObject section(InputStream body, String name) {
        return KeystoneAuthRequests.section(body, name, config.maxRequestBytes());
    }

    private static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }
}
