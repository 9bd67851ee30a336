package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Revocation, as Keystone does it (issue 10): re-scoping never extends a token, {@code DELETE
 * /v3/auth/tokens} kills a token and its re-scoped descendants, and taking access away (grant
 * removed, user disabled/deleted/re-passworded, project disabled/deleted) kills tokens at once.
 */
class RevocationIT {

    private static final String SECRETS = "/v1/secrets";

    private static Api api() {
        return SharedServer.get().api();
    }

    private static String rescope(String token, String projectId) {
        Api.Response r = api().postJson("/v3/auth/tokens", "{\"auth\":{\"identity\":{\"methods\":[\"token\"],"
                + "\"token\":{\"id\":\"" + token + "\"}},\"scope\":{\"project\":{\"id\":\"" + projectId + "\"}}}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.header("X-Subject-Token");
    }

    @Test
    void rescopedToken_keepsTheOriginalExpiry_evenWhenChained() {
        SharedServer.Tenant t = SharedServer.tenant("creator");
        String original = t.tokens().get("creator");
        String originalExpiry = api().withToken(original).get("/v3/auth/tokens", "X-Subject-Token", original)
                .json().getJsonObject("token").getString("expires_at");
        String first = rescope(original, t.projectId());
        String second = rescope(first, t.projectId());
        for (String token : new String[] {first, second}) {
            Api.Response v = api().withToken(token).get("/v3/auth/tokens", "X-Subject-Token", token);
            assertThat(v.json().getJsonObject("token").getString("expires_at")).isEqualTo(originalExpiry);
        }
    }

    @Test
    void deleteAuthTokens_revokesTheTokenAndTokensRescopedFromIt_validationThen404() {
        SharedServer.Tenant t = SharedServer.tenant("creator");
        String token = t.newToken("creator");
        String child = rescope(token, t.projectId());
        String sibling = t.newToken("creator");
        Api.Response revoked = api().withToken(token).delete("/v3/auth/tokens", "X-Subject-Token", token);
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(api().withToken(token).get(SECRETS).status()).isEqualTo(401);
        assertThat(api().withToken(child).get(SECRETS).status()).isEqualTo(401);
        assertThat(api().withToken(sibling).get(SECRETS).status()).isEqualTo(200);
        Api.Response validate = SharedServer.admin().get("/v3/auth/tokens", "X-Subject-Token", token);
        assertThat(validate.status()).isEqualTo(404);
        assertThat(validate.json().getJsonObject("error").getString("message")).isEqualTo("Failed to validate token");
        assertThat(api().withToken(sibling).delete("/v3/auth/tokens", "X-Subject-Token", "garbage").status())
                .isEqualTo(404);
    }

    @Test
    void tokenValidationAndRevocation_ofAnotherUsersToken_403_unlessCloudAdmin() {
        SharedServer.Tenant t = SharedServer.tenant("admin", "creator");
        String victim = t.tokens().get("creator");
        Api projectAdmin = t.as("admin");
        assertThat(projectAdmin.get("/v3/auth/tokens", "X-Subject-Token", victim).status()).isEqualTo(403);
        assertThat(projectAdmin.send("HEAD", "/v3/auth/tokens", null, "X-Subject-Token", victim).status()).isEqualTo(403);
        assertThat(projectAdmin.delete("/v3/auth/tokens", "X-Subject-Token", victim).status()).isEqualTo(403);
        assertThat(t.as("creator").get(SECRETS).status()).isEqualTo(200);
        assertThat(t.as("creator").get("/v3/auth/tokens", "X-Subject-Token", victim).status()).isEqualTo(200);
        assertThat(SharedServer.admin().delete("/v3/auth/tokens", "X-Subject-Token", victim).status()).isEqualTo(204);
        assertThat(t.as("creator").get(SECRETS).status()).isEqualTo(401);
    }

    @Test
    void removingTheRoleGrant_revokesTheUsersTokensInThatProject() {
        SharedServer.Tenant t = SharedServer.tenant("creator", "observer");
        String grant = "/v3/projects/" + t.projectId() + "/users/" + t.member("creator").id() + "/roles/creator";
        assertThat(SharedServer.admin().delete(grant).status()).isEqualTo(204);
        assertThat(t.as("creator").get(SECRETS).status()).isEqualTo(401);
        assertThat(t.as("observer").get(SECRETS).status()).isEqualTo(200);
        assertThat(SharedServer.admin().delete(grant).status()).isEqualTo(404);
        assertThat(api().postJson("/v3/auth/tokens", Api.passwordAuth(t.member("creator").name(),
                t.member("creator").password(), t.projectName())).status()).isEqualTo(401);
    }

    @Test
    void disablingTheUser_revokesItsTokens_andRefusesNewOnes() {
        SharedServer.Tenant t = SharedServer.tenant("creator");
        Api.Response r = SharedServer.admin().send("PATCH", "/v3/users/" + t.member("creator").id(),
                "{\"user\":{\"enabled\":false}}".getBytes(), "Content-Type", "application/json");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().getJsonObject("user").getBoolean("enabled")).isFalse();
        assertThat(t.as("creator").get(SECRETS).status()).isEqualTo(401);
        assertThat(api().postJson("/v3/auth/tokens", Api.passwordAuth(t.member("creator").name(),
                t.member("creator").password(), t.projectName())).status()).isEqualTo(401);
    }

    @Test
    void deletingTheUser_revokesItsTokens() {
        SharedServer.Tenant t = SharedServer.tenant("creator");
        assertThat(SharedServer.admin().delete("/v3/users/" + t.member("creator").id()).status()).isEqualTo(204);
        assertThat(t.as("creator").get(SECRETS).status()).isEqualTo(401);
        assertThat(SharedServer.admin().get("/v3/users/" + t.member("creator").id()).status()).isEqualTo(404);
    }

    @Test
    void adminPasswordChange_revokesTokens_oldPasswordRefused_newAccepted() {
        SharedServer.Tenant t = SharedServer.tenant("creator");
        SharedServer.Tenant.Member m = t.member("creator");
        Api.Response r = SharedServer.admin().send("PATCH", "/v3/users/" + m.id(),
                "{\"user\":{\"password\":\"a-new-password-1\"}}".getBytes(), "Content-Type", "application/json");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(t.as("creator").get(SECRETS).status()).isEqualTo(401);
        assertThat(api().postJson("/v3/auth/tokens", Api.passwordAuth(m.name(), m.password(), t.projectName())).status())
                .isEqualTo(401);
        String fresh = api().token(m.name(), "a-new-password-1", t.projectName());
        assertThat(api().withToken(fresh).get(SECRETS).status()).isEqualTo(200);
    }

    @Test
    void selfServicePasswordChange_needsTheOriginalPassword_andRevokesTokens() {
        SharedServer.Tenant t = SharedServer.tenant("creator");
        SharedServer.Tenant.Member m = t.member("creator");
        String path = "/v3/users/" + m.id() + "/password";
        assertThat(api().postJson(path, "{\"user\":{\"original_password\":\"wrong-password\",\"password\":\"self-new-pw-1\"}}")
                .status()).isEqualTo(401);
        assertThat(t.as("creator").get(SECRETS).status()).isEqualTo(200);
        assertThat(api().postJson(path, "{\"user\":{\"original_password\":\"" + m.password()
                + "\",\"password\":\"short\"}}").status()).isEqualTo(400);
        Api.Response ok = api().postJson(path, "{\"user\":{\"original_password\":\"" + m.password()
                + "\",\"password\":\"self-new-pw-1\"}}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(204);
        assertThat(t.as("creator").get(SECRETS).status()).isEqualTo(401);
        assertThat(api().withToken(api().token(m.name(), "self-new-pw-1", t.projectName())).get(SECRETS).status())
                .isEqualTo(200);
    }

    @Test
    void disablingTheProject_revokesTokensScopedToIt() {
        SharedServer.Tenant t = SharedServer.tenant("admin", "creator");
        Api.Response r = SharedServer.admin().send("PATCH", "/v3/projects/" + t.projectId(),
                "{\"project\":{\"enabled\":false}}".getBytes(), "Content-Type", "application/json");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(t.as("creator").get(SECRETS).status()).isEqualTo(401);
        assertThat(t.as("admin").get(SECRETS).status()).isEqualTo(401);
    }

    @Test
    void deletingTheProject_revokesTokensScopedToIt() {
        SharedServer.Tenant t = SharedServer.tenant("creator");
        assertThat(SharedServer.admin().delete("/v3/projects/" + t.projectId()).status()).isEqualTo(204);
        assertThat(t.as("creator").get(SECRETS).status()).isEqualTo(401);
        assertThat(SharedServer.admin().get("/v3/projects/" + t.projectId()).status()).isEqualTo(404);
    }
}
