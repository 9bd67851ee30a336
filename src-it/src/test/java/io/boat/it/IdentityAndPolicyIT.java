package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Keystone-compatible tokens, project isolation and the role matrix, over HTTP. */
class IdentityAndPolicyIT {

    @Test
    void v3PasswordToken_scoped_hasSubjectTokenRolesAndKeyManagerCatalog() {
        Api api = SharedServer.get().api();
        Api.Response r = api.postJson("/v3/auth/tokens", Api.passwordAuth("admin", BoatServer.ADMIN_PASSWORD, "admin"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("X-Subject-Token")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        JsonObject token = r.json().getJsonObject("token");
        assertThat(token.getJsonArray("methods").getString(0)).isEqualTo("password");
        assertThat(token.getJsonObject("user").getString("name")).isEqualTo("admin");
        assertThat(token.getJsonObject("project").getString("name")).isEqualTo("admin");
        assertThat(token.getJsonArray("roles").getJsonObject(0).getString("name")).isEqualTo("admin");
        assertThat(token.getString("expires_at")).endsWith("Z");
        var keyManager = token.getJsonArray("catalog").stream().map(v -> v.asJsonObject())
                .filter(s -> "key-manager".equals(s.getString("type"))).findFirst().orElseThrow();
        assertThat(keyManager.getJsonArray("endpoints").getJsonObject(0).getString("url")).isEqualTo(api.base());
    }

    @Test
    void v3Token_unscopedThenRescopedWithTokenMethod() {
        Api api = SharedServer.get().api();
        Api.Response unscoped = api.postJson("/v3/auth/tokens", Api.passwordAuth("admin", BoatServer.ADMIN_PASSWORD, null));
        assertThat(unscoped.status()).isEqualTo(201);
        assertThat(unscoped.json().getJsonObject("token").containsKey("catalog")).isFalse();
        String unscopedToken = unscoped.header("X-Subject-Token");
        assertThat(api.withToken(unscopedToken).get("/v1/secrets").status()).isEqualTo(401);

        String projectId = SharedServer.admin().get("/v3/projects").json().getJsonArray("projects").stream()
                .map(v -> v.asJsonObject()).filter(p -> "admin".equals(p.getString("name"))).findFirst()
                .orElseThrow().getString("id");
        Api.Response rescoped = api.postJson("/v3/auth/tokens", "{\"auth\":{\"identity\":{\"methods\":[\"token\"],"
                + "\"token\":{\"id\":\"" + unscopedToken + "\"}},\"scope\":{\"project\":{\"id\":\"" + projectId + "\"}}}}");
        assertThat(rescoped.status()).isEqualTo(201);
        assertThat(rescoped.json().getJsonObject("token").getJsonArray("methods").toString()).contains("password", "token");
        assertThat(api.withToken(rescoped.header("X-Subject-Token")).get("/v1/secrets").status()).isEqualTo(200);
    }

    @Test
    void validateToken_getAndHead_andGarbageIs404() {
        Api admin = SharedServer.admin();
        String subject = SharedServer.get().api().token("admin", BoatServer.ADMIN_PASSWORD, "admin");
        Api.Response ok = admin.get("/v3/auth/tokens", "X-Subject-Token", subject);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("X-Subject-Token")).isEqualTo(subject);
        assertThat(ok.json().getJsonObject("token").getJsonObject("user").getString("name")).isEqualTo("admin");
        assertThat(admin.send("HEAD", "/v3/auth/tokens", null, "X-Subject-Token", subject).status()).isEqualTo(200);
        Api.Response garbage = admin.get("/v3/auth/tokens", "X-Subject-Token", "gAAAAAB-not-a-token");
        assertThat(garbage.status()).isEqualTo(404);
        assertThat(garbage.json().getJsonObject("error").getInt("code")).isEqualTo(404);
        assertThat(SharedServer.get().api().get("/v3/auth/tokens", "X-Subject-Token", subject).status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordUnknownUserUnknownProject_all401KeystoneShape() {
        Api api = SharedServer.get().api();
        for (String body : new String[] {
            Api.passwordAuth("admin", "wrong-password", "admin"),
            Api.passwordAuth("nobody", "whatever-password", "admin"),
            Api.passwordAuth("admin", BoatServer.ADMIN_PASSWORD, "no-such-project")}) {
            Api.Response r = api.postJson("/v3/auth/tokens", body);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).startsWith("Keystone uri=");
            assertThat(r.json().getJsonObject("error").getString("message"))
                    .isEqualTo("The request you have made requires authentication.");
        }
        assertThat(api.postJson("/v3/auth/tokens", "{\"auth\":{}}").status()).isEqualTo(400);
    }

    @Test
    void v1_withoutOrWithBadToken_401_bearerAccepted() {
        Api api = SharedServer.get().api();
        Api.Response none = api.get("/v1/secrets");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().getJsonObject("error").getInt("code")).isEqualTo(401);
        assertThat(api.withToken("not-a-token").get("/v1/secrets").status()).isEqualTo(401);
        String token = api.token("admin", BoatServer.ADMIN_PASSWORD, "admin");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(api.withToken(tampered).get("/v1/secrets").status()).isEqualTo(401);
        assertThat(api.get("/v1/secrets", "Authorization", "Bearer " + token).status()).isEqualTo(200);
        assertThat(api.get("/").status()).isEqualTo(300);
    }

    @Test
    void anotherProjectsSecret_403NotFound() {
        SharedServer.Tenant a = SharedServer.tenant("creator");
        SharedServer.Tenant b = SharedServer.tenant("admin");
        String ref = SecretsApiIT.storeKey(a.as("creator"), "isolated");
        Api other = b.as("admin");
        Api.Response r = other.get(ref);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().getString("description"))
                .isEqualTo("Secret retrieval attempt not allowed - please review your user/project privileges");
        assertThat(other.get(ref + "/payload", "Accept", "application/octet-stream").status()).isEqualTo(403);
        assertThat(other.delete(ref).status()).isEqualTo(403);
        assertThat(other.get("/v1/secrets?name=isolated").json().getInt("total")).isZero();
        assertThat(a.as("creator").get(ref + "/payload", "Accept", "application/octet-stream").status()).isEqualTo(200);
    }

    @Test
    void roleMatrix_observerAuditCreatorAdmin() {
        SharedServer.Tenant t = SharedServer.tenant("admin", "creator", "observer", "audit");
        String ref = SecretsApiIT.storeKey(t.as("creator"), "matrix");
        String payload = ref + "/payload";
        String createBody = "{\"name\":\"x\",\"payload\":\"y\",\"payload_content_type\":\"text/plain\"}";
        String orderBody = "{\"type\":\"key\",\"meta\":{\"algorithm\":\"aes\",\"bit_length\":128}}";

        // observer: reads metadata and lists, never payloads, never writes
        Api observer = t.as("observer");
        assertThat(observer.get(ref).status()).isEqualTo(200);
        assertThat(observer.get("/v1/secrets").status()).isEqualTo(200);
        assertThat(observer.get(payload, "Accept", "application/octet-stream").status()).isEqualTo(403);
        assertThat(observer.postJson("/v1/secrets", createBody).status()).isEqualTo(403);
        assertThat(observer.postJson("/v1/orders", orderBody).status()).isEqualTo(403);
        assertThat(observer.delete(ref).status()).isEqualTo(403);

        // audit: metadata of one secret only
        Api audit = t.as("audit");
        assertThat(audit.get(ref).status()).isEqualTo(200);
        assertThat(audit.get("/v1/secrets").status()).isEqualTo(403);
        assertThat(audit.get(payload, "Accept", "application/octet-stream").status()).isEqualTo(403);
        assertThat(audit.get(ref + "/metadata").status()).isEqualTo(403);
        assertThat(audit.postJson("/v1/secrets", createBody).status()).isEqualTo(403);

        // creator: creates and reads; cannot administer identity
        Api creator = t.as("creator");
        assertThat(creator.get(payload, "Accept", "application/octet-stream").status()).isEqualTo(200);
        assertThat(creator.postJson("/v1/orders", orderBody).status()).isEqualTo(202);
        assertThat(creator.postJson("/v3/projects", "{\"project\":{\"name\":\"nope\"}}").status()).isEqualTo(403);

        // creator may delete only what it created; admin deletes anything in its project
        String adminsSecret = SecretsApiIT.storeKey(t.as("admin"), "admins");
        assertThat(creator.delete(adminsSecret).status()).isEqualTo(403);
        assertThat(creator.delete(ref).status()).isEqualTo(204);
        assertThat(t.as("admin").delete(adminsSecret).status()).isEqualTo(204);
    }

    @Test
    void adminApi_duplicateNamesAndUnknownRole() {
        Api admin = SharedServer.admin();
        assertThat(admin.postJson("/v3/projects", "{\"project\":{\"name\":\"admin\"}}").status()).isEqualTo(409);
        assertThat(admin.postJson("/v3/users", "{\"user\":{\"name\":\"short\",\"password\":\"123\"}}").status())
                .isEqualTo(400);
        assertThat(admin.send("PUT", "/v3/projects/x/users/y/roles/superuser", null).status()).isEqualTo(404);
        assertThat(admin.get("/v3/roles").json().getJsonArray("roles")).hasSize(4);
    }
}
