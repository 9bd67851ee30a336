package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The Keystone v3 administration subset OpenStack tooling drives, with Keystone's codes and bodies. */
class KeystoneAdminIT {

    @Test
    void users_getListByNamePatchDelete() {
        SharedServer.Tenant t = SharedServer.tenant("observer");
        SharedServer.Tenant.Member m = t.member("observer");
        Api admin = SharedServer.admin();
        JsonObject user = admin.get("/v3/users/" + m.id()).json().getJsonObject("user");
        assertThat(user.getString("name")).isEqualTo(m.name());
        assertThat(user.getString("domain_id")).isEqualTo("default");
        assertThat(user.getBoolean("enabled")).isTrue();
        assertThat(user.getJsonObject("links").getString("self")).endsWith("/v3/users/" + m.id());
        var byName = admin.get("/v3/users?name=" + m.name()).json().getJsonArray("users");
        assertThat(byName).hasSize(1);
        assertThat(byName.getJsonObject(0).getString("id")).isEqualTo(m.id());
        assertThat(admin.get("/v3/users?name=no-such-user").json().getJsonArray("users")).isEmpty();
        Api.Response renamed = admin.send("PATCH", "/v3/users/" + m.id(), ("{\"user\":{\"name\":\"" + m.name()
                + "-2\"}}").getBytes(), "Content-Type", "application/json");
        assertThat(renamed.json().getJsonObject("user").getString("name")).isEqualTo(m.name() + "-2");
        assertThat(admin.send("PATCH", "/v3/users/" + m.id(), "{\"user\":{\"name\":\"admin\"}}".getBytes(),
                "Content-Type", "application/json").status()).isEqualTo(409);
        assertThat(admin.send("PATCH", "/v3/users/" + m.id(), "{\"user\":{\"enabled\":\"no\"}}".getBytes(),
                "Content-Type", "application/json").status()).isEqualTo(400);
        assertThat(admin.delete("/v3/users/" + m.id()).status()).isEqualTo(204);
        Api.Response gone = admin.get("/v3/users/" + m.id());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().getJsonObject("error").getString("message")).isEqualTo("Could not find user: " + m.id() + ".");
        assertThat(admin.delete("/v3/users/" + m.id()).status()).isEqualTo(404);
    }

    @Test
    void projects_getListByNamePatch() {
        SharedServer.Tenant t = SharedServer.tenant("observer");
        Api admin = SharedServer.admin();
        var byName = admin.get("/v3/projects?name=" + t.projectName()).json().getJsonArray("projects");
        assertThat(byName).hasSize(1);
        assertThat(byName.getJsonObject(0).getString("id")).isEqualTo(t.projectId());
        JsonObject p = admin.send("PATCH", "/v3/projects/" + t.projectId(), "{\"project\":{\"enabled\":false}}".getBytes(),
                "Content-Type", "application/json").json().getJsonObject("project");
        assertThat(p.getBoolean("enabled")).isFalse();
        assertThat(admin.get("/v3/projects/" + t.projectId()).json().getJsonObject("project").getBoolean("enabled"))
                .isFalse();
        assertThat(admin.get("/v3/projects/no-such-project").status()).isEqualTo(404);
    }

    @Test
    void roleAssignments_filteredByUserProjectAndRole() {
        SharedServer.Tenant t = SharedServer.tenant("creator", "observer");
        Api admin = SharedServer.admin();
        var all = admin.get("/v3/role_assignments?scope.project.id=" + t.projectId()).json()
                .getJsonArray("role_assignments");
        assertThat(all).hasSize(2);
        var creators = admin.get("/v3/role_assignments?scope.project.id=" + t.projectId() + "&role.id=creator").json()
                .getJsonArray("role_assignments");
        assertThat(creators).hasSize(1);
        JsonObject a = creators.getJsonObject(0);
        assertThat(a.getJsonObject("user").getString("id")).isEqualTo(t.member("creator").id());
        assertThat(a.getJsonObject("scope").getJsonObject("project").getString("id")).isEqualTo(t.projectId());
        assertThat(a.getJsonObject("role").getString("id")).isEqualTo("creator");
        assertThat(admin.get("/v3/role_assignments?user.id=" + t.member("observer").id()).json()
                .getJsonArray("role_assignments")).hasSize(1);
    }

    @Test
    void rolesByName_andTheDefaultDomain() {
        Api admin = SharedServer.admin();
        var roles = admin.get("/v3/roles?name=creator").json().getJsonArray("roles");
        assertThat(roles).hasSize(1);
        assertThat(roles.getJsonObject(0).getString("name")).isEqualTo("creator");
        assertThat(admin.get("/v3/domains").json().getJsonArray("domains").getJsonObject(0).getString("name"))
                .isEqualTo("Default");
        assertThat(admin.get("/v3/domains?name=Default").json().getJsonArray("domains")).hasSize(1);
        assertThat(admin.get("/v3/domains?name=Other").json().getJsonArray("domains")).isEmpty();
        JsonObject d = admin.get("/v3/domains/default").json().getJsonObject("domain");
        assertThat(d.getString("id")).isEqualTo("default");
        assertThat(d.getBoolean("enabled")).isTrue();
        assertThat(admin.get("/v3/domains/other").status()).isEqualTo(404);
    }

    @Test
    void lookAlikeUserNames_refusedOrCaughtAsDuplicates() {
        Api admin = SharedServer.admin();
        String base = "look-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(createUser(admin, base.toUpperCase())).isEqualTo(201);
        assertThat(createUser(admin, base)).isEqualTo(409);
        assertThat(createUser(admin, base + " ")).isEqualTo(409);
        assertThat(createUser(admin, base + "\\u200b")).isEqualTo(400);
        assertThat(createUser(admin, base + "\\u0000")).isEqualTo(400);
        assertThat(createUser(admin, "\\u202e" + base)).isEqualTo(400);
        assertThat(admin.get("/v3/users?name=" + base.toUpperCase()).json().getJsonArray("users")).hasSize(1);
    }

    private static int createUser(Api admin, String jsonEscapedName) {
        return admin.postJson("/v3/users", "{\"user\":{\"name\":\"" + jsonEscapedName
                + "\",\"password\":\"look-alike-pw-1\"}}").status();
    }
}
