package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attested-release contract on a real Payara Micro, short of a real attestation service: the
 * release policy sub-resource, the order option, the error contract of the release path (403
 * without the AK header, 400 malformed header, 406, 500 when no attestation service answers), and
 * the audit listing.
 */
class ReleasePolicyIT {

    static final String AK = "000b" + "5a".repeat(32);
    static final String REQUIRED = "{\"attestation_required\":true,\"host_groups\":[\"edge\"],\"locations\":[],"
            + "\"asset_tags\":[\"gold\"],\"max_report_age\":120,\"pcr_bound_bind_key\":false}";
    static SharedServer.Tenant tenant;
    static Api creator;
    static Api admin;

    @BeforeAll
    static void tenant() {
        tenant = SharedServer.tenant("creator", "admin", "observer");
        creator = tenant.as("creator");
        admin = tenant.as("admin");
    }

    @Test
    void policy_getDefaultPutGetDelete_roundTripsAndResets() {
        String ref = SecretsApiIT.storeKey(creator, "policy-crud");
        JsonObject initial = creator.get(ref + "/release-policy").json();
        assertThat(initial.getBoolean("attestation_required")).isFalse();
        assertThat(initial.getInt("max_report_age")).isEqualTo(300);
        assertThat(initial.getJsonArray("host_groups")).isEmpty();

        Api.Response put = creator.putJson(ref + "/release-policy", REQUIRED);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().getBoolean("attestation_required")).isTrue();
        assertThat(put.json().getJsonArray("host_groups").getString(0)).isEqualTo("edge");
        JsonObject stored = creator.get(ref + "/release-policy").json();
        assertThat(stored).isEqualTo(put.json());
        assertThat(stored.getInt("max_report_age")).isEqualTo(120);

        Api.Response reset = creator.delete(ref + "/release-policy");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(creator.get(ref + "/release-policy").json()).isEqualTo(initial);
        assertThat(creator.get(ref + "/payload", "Accept", "application/octet-stream").body())
                .isEqualTo(Base64.getDecoder().decode(SecretsApiIT.KEY_B64));
    }

    @Test
    void policy_putInvalid_400JsonAndStoredPolicyUnchanged() {
        String ref = SecretsApiIT.storeKey(creator, "policy-invalid");
        creator.putJson(ref + "/release-policy", REQUIRED);
        for (String bad : new String[] {"{\"attestation_required\":true,\"hosts\":[]}", "{\"attestation_required\":\"yes\"}",
            "{\"max_report_age\":0}", "{\"max_report_age\":86401}", "{\"host_groups\":[\"a\",\"a\"]}", "[]", "{"}) {
            Api.Response r = creator.putJson(ref + "/release-policy", bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().getInt("code")).isEqualTo(400);
            assertThat(r.json().getString("title")).isEqualTo("Bad Request");
        }
        assertThat(creator.get(ref + "/release-policy").json().getInt("max_report_age")).isEqualTo(120);
    }

    @Test
    void policy_rolesAndProjects_readersReadOwnerAndAdminWriteOthersRefused() {
        String ref = SecretsApiIT.storeKey(creator, "policy-roles");
        Api observer = tenant.as("observer");
        assertThat(observer.get(ref + "/release-policy").status()).isEqualTo(200);
        assertThat(observer.putJson(ref + "/release-policy", REQUIRED).status()).isEqualTo(403);
        assertThat(admin.putJson(ref + "/release-policy", REQUIRED).status()).isEqualTo(200);
        Api stranger = SharedServer.tenant("admin").as("admin");
        assertThat(stranger.get(ref + "/release-policy").status()).isEqualTo(403);
        assertThat(stranger.delete(ref + "/release-policy").status()).isEqualTo(403);
        assertThat(creator.get(ref + "/release-policy").json().getBoolean("attestation_required")).isTrue();
        String adminsSecret = SecretsApiIT.storeKey(admin, "admins-secret");
        assertThat(creator.putJson(adminsSecret + "/release-policy", REQUIRED).status()).isEqualTo(403);
    }

    @Test
    void attestationRequired_readWithoutHeader_403WithReasonOnBothPayloadRoutes() {
        String ref = SecretsApiIT.storeKey(creator, "required");
        creator.putJson(ref + "/release-policy", REQUIRED);

        Api.Response r = creator.get(ref + "/payload", "Accept", "application/octet-stream");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().getString("reason")).isEqualTo("attestation_required");
        assertThat(r.json().getString("description")).contains("X-BOAT-AK-Name");
        assertThat(r.text()).doesNotContain(SecretsApiIT.KEY_B64);
        Api.Response legacy = creator.get(ref, "Accept", "application/octet-stream");
        assertThat(legacy.status()).isEqualTo(403);
        assertThat(creator.get(ref, "Accept", "application/json").status()).isEqualTo(200);
    }

    @Test
    void malformedAkHeader_400WithReason() {
        String ref = SecretsApiIT.storeKey(creator, "malformed");
        for (String bad : new String[] {"000b", "zz" + AK.substring(2), AK + "00", "0004" + "11".repeat(20)}) {
            Api.Response r = creator.get(ref + "/payload", "X-BOAT-AK-Name", bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().getString("reason")).isEqualTo("malformed_ak_name");
        }
    }

    @Test
    void akHeaderWithAcceptOfNeitherFormat_406WithReason() {
        String ref = SecretsApiIT.storeKey(creator, "not-acceptable");
        Api.Response r = creator.get(ref + "/payload", "X-BOAT-AK-Name", AK, "Accept", "text/plain");
        assertThat(r.status()).isEqualTo(406);
        assertThat(r.json().getString("reason")).isEqualTo("unacceptable_release_format");
        assertThat(r.json().getString("description")).contains("application/jose");
    }

    @Test
    void akHeaderWithoutAttestationService_500UnavailableThenOrdinaryReadsStillWork() {
        String ref = SecretsApiIT.storeKey(creator, "unavailable");
        Api.Response r = creator.get(ref + "/payload", "X-BOAT-AK-Name", AK, "Accept", "application/jose");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().getString("reason")).isEqualTo("attestation_unavailable");
        assertThat(r.text()).doesNotContain(SecretsApiIT.KEY_B64);
        Api.Response legacy = creator.get(ref, "X-BOAT-AK-Name", AK, "Accept", "application/octet-stream");
        assertThat(legacy.status()).isEqualTo(500);
        assertThat(legacy.json().getString("reason")).isEqualTo("attestation_unavailable");
        assertThat(creator.get(ref + "/payload", "Accept", "application/octet-stream").body())
                .isEqualTo(Base64.getDecoder().decode(SecretsApiIT.KEY_B64));
    }

    @Test
    void order_withReleasePolicy_secretBornRequiringAttestation() throws InterruptedException {
        Api.Response r = creator.postJson("/v1/orders", "{\"type\":\"key\",\"meta\":{\"algorithm\":\"aes\","
                + "\"bit_length\":256},\"release_policy\":{\"attestation_required\":true,\"host_groups\":[\"edge\"]}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        JsonObject order = Orders.awaitDone(creator, r.json().getString("order_ref"));
        assertThat(order.getString("status")).isEqualTo("ACTIVE");
        String secret = order.getString("secret_ref");

        JsonObject policy = creator.get(secret + "/release-policy").json();
        assertThat(policy.getBoolean("attestation_required")).isTrue();
        assertThat(policy.getJsonArray("host_groups").getString(0)).isEqualTo("edge");
        assertThat(policy.getInt("max_report_age")).isEqualTo(300);
        Api.Response read = creator.get(secret + "/payload", "Accept", "application/octet-stream");
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.json().getString("reason")).isEqualTo("attestation_required");
    }

    @Test
    void order_withInvalidReleasePolicy_400AndNoOrder() {
        Api api = SharedServer.tenant("creator").as("creator");
        for (String policy : new String[] {"{\"attestation_required\":1}", "{\"x\":true}", "\"yes\"",
            "{\"max_report_age\":100000}"}) {
            Api.Response r = api.postJson("/v1/orders", "{\"type\":\"key\",\"meta\":{\"algorithm\":\"aes\","
                    + "\"bit_length\":256},\"release_policy\":" + policy + "}");
            assertThat(r.status()).as(policy).isEqualTo(400);
            assertThat(r.json().getInt("code")).isEqualTo(400);
        }
        assertThat(api.get("/v1/orders").json().getInt("total")).isZero();
    }

    @Test
    void releaseEvents_adminListsPolicyChangesAndRefusalsOfOwnProjectOnly() {
        String ref = SecretsApiIT.storeKey(creator, "audited");
        String id = ref.substring(ref.lastIndexOf('/') + 1);
        creator.putJson(ref + "/release-policy", REQUIRED);
        creator.get(ref + "/payload");
        creator.get(ref + "/payload", "X-BOAT-AK-Name", AK);
        creator.delete(ref + "/release-policy");

        Api.Response r = admin.get("/v1/release-events?secret_id=" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonArray events = r.json().getJsonArray("release_events");
        assertThat(r.json().getInt("total")).isEqualTo(4);
        assertThat(events.getValuesAs(JsonObject.class)).extracting(e -> e.getString("decision"))
                .containsExactly("policy_reset", "refused", "refused", "policy_set");
        JsonObject unavailable = events.getJsonObject(1);
        assertThat(unavailable.getString("reason")).isEqualTo("attestation_unavailable");
        assertThat(unavailable.getString("ak_name")).isEqualTo(AK);
        assertThat(unavailable.getString("secret_id")).isEqualTo(id);
        assertThat(unavailable.getString("at")).isNotBlank();
        JsonObject required = events.getJsonObject(2);
        assertThat(required.getString("reason")).isEqualTo("attestation_required");
        assertThat(required.isNull("ak_name")).isTrue();
        assertThat(events.getJsonObject(3).getString("actor_id")).isEqualTo(tenant.member("creator").id());
        assertThat(r.text()).doesNotContain(SecretsApiIT.KEY_B64);

        assertThat(admin.get("/v1/release-events?secret_id=" + id + "&limit=1&offset=1").json()
                .getJsonArray("release_events").getJsonObject(0).getString("reason")).isEqualTo("attestation_unavailable");
        assertThat(creator.get("/v1/release-events").status()).isEqualTo(403);
        Api otherAdmin = SharedServer.tenant("admin").as("admin");
        assertThat(otherAdmin.get("/v1/release-events?secret_id=" + id).json().getInt("total")).isZero();
        assertThat(admin.get("/v1/release-events?secret_id=../x").status()).isEqualTo(400);
    }

    @Test
    void deleteSecret_policyGoesWithItAuditStays() {
        String ref = SecretsApiIT.storeKey(creator, "deleted");
        String id = ref.substring(ref.lastIndexOf('/') + 1);
        creator.putJson(ref + "/release-policy", REQUIRED);
        assertThat(creator.delete(ref).status()).isEqualTo(204);

        assertThat(creator.get(ref + "/release-policy").status()).isEqualTo(404);
        assertThat(admin.get("/v1/release-events?secret_id=" + id).json().getInt("total")).isEqualTo(1);
    }
}
