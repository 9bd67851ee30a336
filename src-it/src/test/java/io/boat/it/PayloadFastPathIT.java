package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The payload read served outside JAX-RS ({@code PayloadReadFilter}) answers exactly as the JAX-RS
 * resource does. The same request is sent twice: as it is, which the filter serves, and with a query
 * string, which the filter leaves to JAX-RS (which ignores the query). Status, headers (but the
 * request id and date) and body must be the same, for the successes and for every refusal.
 */
class PayloadFastPathIT {

    static SharedServer.Tenant tenant;
    static SharedServer.Tenant stranger;
    static Api creator;

    @BeforeAll
    static void tenants() {
        tenant = SharedServer.tenant("creator", "admin", "observer", "audit");
        stranger = SharedServer.tenant("creator");
        creator = tenant.as("creator");
    }

    @Test
    void binaryAndTextSecrets_everyAccept_sameAnswers() {
        String key = SecretsApiIT.storeKey(creator, "fast-binary");
        String text = creator.postJson("/v1/secrets", "{\"payload\":\"s3cr3t-\u00e9\",\"payload_content_type\":\"text/plain\"}")
                .json().getString("secret_ref");
        for (String accept : new String[] {"*/*", "application/octet-stream", "text/plain", "text/plain;charset=utf-8",
            "application/json", "text/plain, application/octet-stream;q=0.5", "application/pkcs8"}) {
            sameAnswer(creator, key + "/payload", "Accept", accept);
            sameAnswer(creator, text + "/payload", "Accept", accept);
        }
        Api.Response binary = sameAnswer(creator, key + "/payload", "Accept", "application/octet-stream");
        assertThat(binary.status()).isEqualTo(200);
        assertThat(binary.body()).isEqualTo(java.util.Base64.getDecoder().decode(SecretsApiIT.KEY_B64));
        assertThat(binary.header("Cache-Control")).isEqualTo("no-store");
        assertThat(binary.header("x-openstack-request-id")).startsWith("req-");
        Api.Response utf8 = sameAnswer(creator, text + "/payload", "Accept", "text/plain");
        assertThat(utf8.header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(utf8.text()).isEqualTo("s3cr3t-\u00e9");
        assertThat(sameAnswer(creator, key + "/payload", "Accept", "text/plain").status()).isEqualTo(406);
    }

    @Test
    void unknownDeletedAndEmptySecrets_same404s() {
        String gone = SecretsApiIT.storeKey(creator, "fast-gone");
        assertThat(creator.delete(gone).status()).isEqualTo(204);
        String empty = creator.postJson("/v1/secrets", "{\"name\":\"no-payload\"}").json().getString("secret_ref");
        String base = creator.base() + "/v1/secrets/";
        for (String ref : new String[] {gone, empty, base + "00000000-0000-4000-8000-000000000000",
            base + "00000000-0000-4000-8000-00000000000A", base + "not-an-id"}) {
            assertThat(sameAnswer(creator, ref + "/payload", "Accept", "*/*").status()).as(ref).isEqualTo(404);
        }
    }

    @Test
    void otherProjectsAndRoles_sameRefusals() {
        String key = SecretsApiIT.storeKey(creator, "fast-roles");
        assertThat(sameAnswer(stranger.as("creator"), key + "/payload", "Accept", "*/*").status()).isEqualTo(403);
        assertThat(sameAnswer(tenant.as("audit"), key + "/payload", "Accept", "*/*").status()).isEqualTo(403);
        assertThat(sameAnswer(tenant.as("observer"), key + "/payload", "Accept", "*/*").status()).isEqualTo(403);
        assertThat(sameAnswer(tenant.as("admin"), key + "/payload", "Accept", "*/*").status()).isEqualTo(200);
    }

    @Test
    void tokens_bearerMissingGarbageAndRevoked_sameAnswers() {
        String key = SecretsApiIT.storeKey(creator, "fast-tokens");
        Api anonymous = SharedServer.get().api();
        String token = tenant.newToken("creator");
        assertThat(sameAnswer(anonymous, key + "/payload", "Authorization", "Bearer " + token).status()).isEqualTo(200);
        assertThat(sameAnswer(anonymous, key + "/payload").status()).isEqualTo(401);
        assertThat(sameAnswer(anonymous, key + "/payload", "X-Auth-Token", "garbage").status()).isEqualTo(401);
        Api revoked = anonymous.withToken(token);
        assertThat(revoked.delete("/v3/auth/tokens", "X-Subject-Token", token).status()).isEqualTo(204);
        Api.Response r = sameAnswer(revoked, key + "/payload");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Keystone uri=");
    }

    @Test
    void attestationRequired_plainRead_sameRefusalAndOneAuditRecordEach() {
        String key = SecretsApiIT.storeKey(creator, "fast-policy");
        assertThat(creator.putJson(key + "/release-policy", ReleasePolicyIT.REQUIRED).status()).isEqualTo(200);
        String events = "/v1/release-events?secret_id=" + key.substring(key.lastIndexOf('/') + 1);
        Api admin = tenant.as("admin");
        int before = admin.get(events).json().getInt("total");
        Api.Response r = sameAnswer(creator, key + "/payload", "Accept", "application/octet-stream");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().getString("reason")).isEqualTo("attestation_required");
        assertThat(r.text()).doesNotContain(SecretsApiIT.KEY_B64);
        assertThat(admin.get(events).json().getInt("total")).isEqualTo(before + 2);
    }

    /** Sends the request as it is and with a query string; asserts the two answers match; returns the first. */
    private static Api.Response sameAnswer(Api api, String path, String... headers) {
        Api.Response filtered = api.get(path, headers);
        Api.Response jaxrs = api.get(path + "?via=jax-rs", headers);
        assertThat(filtered.status()).as(path + " " + String.join(" ", headers)).isEqualTo(jaxrs.status());
        assertThat(filtered.text()).as(path).isEqualTo(jaxrs.text());
        assertThat(comparable(filtered.headers())).as(path).isEqualTo(comparable(jaxrs.headers()));
        return filtered;
    }

    private static Map<String, List<String>> comparable(Map<String, List<String>> headers) {
        Map<String, List<String>> m = new TreeMap<>();
        headers.forEach((name, values) -> {
            String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
            if (!n.startsWith(":") && !n.equals("date") && !n.equals("x-openstack-request-id")) {
                m.put(n, values);
            }
        });
        return m;
    }
}
