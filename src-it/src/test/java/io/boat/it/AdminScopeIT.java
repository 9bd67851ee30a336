package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who administers identity (issue 10): only the cloud admin (admin on the bootstrap project, or a
 * system-scoped admin token) manages users, projects and grants anywhere; a project admin manages
 * only the non-admin grants of its own project; every other role manages nothing. Each identity
 * call is tried with every role, on the caller's own project and on another.
 */
class AdminScopeIT {

    private static final String JSON = "application/json";

    private static int call(Api as, String method, String path, String body) {
        return as.send(method, path, body == null ? null : body.getBytes(), "Content-Type", JSON).status();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "creator", "observer", "audit"})
    void projectRole_managesNothingOutsideItsOwnProjectsNonAdminGrants(String role) {
        String peerRole = "observer".equals(role) ? "audit" : "observer";
        SharedServer.Tenant own = SharedServer.tenant(role, peerRole);
        SharedServer.Tenant other = SharedServer.tenant("observer");
        Api as = own.as(role);
        String self = own.member(role).id();
        String peer = own.member(peerRole).id();
        String stranger = other.member("observer").id();
        boolean admin = "admin".equals(role);
        int ownGrant = admin ? 204 : 403;

        assertThat(call(as, "POST", "/v3/projects", "{\"project\":{\"name\":\"x-" + self + "\"}}")).isEqualTo(403);
        assertThat(call(as, "GET", "/v3/projects", null)).isEqualTo(403);
        assertThat(call(as, "POST", "/v3/users", "{\"user\":{\"name\":\"x-" + self + "\",\"password\":\"password-1\"}}"))
                .isEqualTo(403);
        assertThat(call(as, "GET", "/v3/users", null)).isEqualTo(403);
        assertThat(call(as, "GET", "/v3/users/" + self, null)).isEqualTo(200);
        assertThat(call(as, "GET", "/v3/users/" + peer, null)).isEqualTo(403);
        assertThat(call(as, "PATCH", "/v3/users/" + peer, "{\"user\":{\"enabled\":false}}")).isEqualTo(403);
        assertThat(call(as, "DELETE", "/v3/users/" + stranger, null)).isEqualTo(403);
        assertThat(call(as, "GET", "/v3/projects/" + own.projectId(), null)).isEqualTo(200);
        assertThat(call(as, "GET", "/v3/projects/" + other.projectId(), null)).isEqualTo(403);
        assertThat(call(as, "PATCH", "/v3/projects/" + own.projectId(), "{\"project\":{\"enabled\":false}}")).isEqualTo(403);
        assertThat(call(as, "DELETE", "/v3/projects/" + other.projectId(), null)).isEqualTo(403);
        assertThat(call(as, "GET", "/v3/role_assignments", null)).isEqualTo(403);
        assertThat(call(as, "GET", "/v3/role_assignments?scope.project.id=" + other.projectId(), null)).isEqualTo(403);
        assertThat(call(as, "GET", "/v3/role_assignments?scope.project.id=" + own.projectId(), null))
                .isEqualTo(admin ? 200 : 403);

        String ownGrants = "/v3/projects/" + own.projectId() + "/users/";
        String otherGrants = "/v3/projects/" + other.projectId() + "/users/";
        // the attack of the issue: admin of one project making itself admin elsewhere
        assertThat(call(as, "PUT", otherGrants + self + "/roles/admin", null)).isEqualTo(403);
        assertThat(call(as, "PUT", "/v3/projects/" + bootstrapProjectId() + "/users/" + self + "/roles/admin", null))
                .isEqualTo(403);
        assertThat(call(as, "PUT", otherGrants + stranger + "/roles/creator", null)).isEqualTo(403);
        assertThat(call(as, "DELETE", otherGrants + stranger + "/roles/observer", null)).isEqualTo(403);
        assertThat(call(as, "HEAD", otherGrants + stranger + "/roles/observer", null)).isEqualTo(403);
        assertThat(call(as, "PUT", ownGrants + peer + "/roles/admin", null)).isEqualTo(403);
        assertThat(call(as, "PUT", ownGrants + peer + "/roles/creator", null)).isEqualTo(ownGrant);
        assertThat(call(as, "HEAD", ownGrants + peer + "/roles/creator", null)).isEqualTo(admin ? 204 : 403);
        assertThat(call(as, "DELETE", ownGrants + peer + "/roles/creator", null)).isEqualTo(admin ? 204 : 403);
        assertThat(call(as, "HEAD", ownGrants + peer + "/roles/creator", null)).isEqualTo(admin ? 404 : 403);
        assertThat(call(as, "DELETE", ownGrants + self + "/roles/admin", null)).isEqualTo(403);
        assertThat(SharedServer.admin().send("HEAD", otherGrants + self + "/roles/admin", null).status()).isEqualTo(404);
    }

    @Test
    void cloudAdmin_managesEveryProjectsUsersAndGrants() {
        SharedServer.Tenant t = SharedServer.tenant("observer");
        Api admin = SharedServer.admin();
        String grant = "/v3/projects/" + t.projectId() + "/users/" + t.member("observer").id() + "/roles/admin";
        assertThat(call(admin, "PUT", grant, null)).isEqualTo(204);
        assertThat(call(admin, "HEAD", grant, null)).isEqualTo(204);
        assertThat(call(admin, "GET", "/v3/role_assignments?user.id=" + t.member("observer").id(), null)).isEqualTo(200);
        assertThat(call(admin, "DELETE", grant, null)).isEqualTo(204);
        assertThat(call(admin, "GET", "/v3/users", null)).isEqualTo(200);
        assertThat(call(admin, "GET", "/v3/projects/" + t.projectId(), null)).isEqualTo(200);
    }

    @Test
    void systemScope_onlyForTheCloudAdmin_andItAdministersIdentity() {
        Api api = SharedServer.get().api();
        Api.Response r = api.postJson("/v3/auth/tokens", systemAuth("admin", BoatServer.ADMIN_PASSWORD));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonObject token = r.json().getJsonObject("token");
        assertThat(token.getJsonObject("system").getBoolean("all")).isTrue();
        assertThat(token.containsKey("project")).isFalse();
        assertThat(token.getJsonArray("roles").getJsonObject(0).getString("name")).isEqualTo("admin");
        Api system = api.withToken(r.header("X-Subject-Token"));
        assertThat(system.get("/v3/users").status()).isEqualTo(200);
        assertThat(system.get("/v1/secrets").status()).isEqualTo(401);

        SharedServer.Tenant t = SharedServer.tenant("admin");
        assertThat(api.postJson("/v3/auth/tokens", systemAuth(t.member("admin").name(), t.member("admin").password()))
                .status()).isEqualTo(401);
    }

    @Test
    void bootstrapProject_cannotBeDisabledOrDeleted() {
        Api admin = SharedServer.admin();
        String id = bootstrapProjectId();
        assertThat(call(admin, "PATCH", "/v3/projects/" + id, "{\"project\":{\"enabled\":false}}")).isEqualTo(403);
        assertThat(call(admin, "DELETE", "/v3/projects/" + id, null)).isEqualTo(403);
        assertThat(admin.get("/v1/secrets").status()).isEqualTo(200);
    }

    static String systemAuth(String user, String password) {
        return "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + user
                + "\",\"domain\":{\"id\":\"default\"},\"password\":\"" + password + "\"}}},"
                + "\"scope\":{\"system\":{\"all\":true}}}}";
    }

    static String bootstrapProjectId() {
        List<JsonObject> found = SharedServer.admin().get("/v3/projects?name=admin").json().getJsonArray("projects")
                .getValuesAs(JsonObject.class);
        assertThat(found).hasSize(1);
        return found.get(0).getString("id");
    }
}
