package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Attested release with every part real: BOAT on Payara Micro, the attestation-service WAR on its own
 * Payara Micro, a swtpm host enrolled and attested by the agent, and the wrapped key unwrapped inside
 * that swtpm by tpm2-tools (never by BOAT's code). The tests run in order because the last ones change
 * the host's PCRs and stop the attestation service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttestedReleaseIT {

    static final String GROUP = EnrolledHost.HOST_GROUP;
    static final byte[] KEY = Base64.getDecoder().decode(SecretsApiIT.KEY_B64);

    static EnrolledHost host;
    static BoatServer boat;
    static Api owner;
    static String akName;

    @BeforeAll
    static void start() throws Exception {
        host = EnrolledHost.start();
        akName = host.akName();
        host.loadBindKeyForTpm2Tools();
        boat = BoatServer.h2("attested", "-Dattestation-service/mp-rest/url=" + host.serviceUrl(),
                "-Dattestation-service/mp-rest/connectTimeout=2000", "-Dattestation-service/mp-rest/readTimeout=5000")
                .start();
        Api api = boat.api();
        owner = api.withToken(api.token("admin", BoatServer.ADMIN_PASSWORD, "admin"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (boat != null) {
            boat.stop();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    @Order(1)
    void trustedHost_jwe_unwrapsInTheTpmAndDecryptsWithPlainAesGcm() throws Exception {
        String ref = requiredSecret("jwe", 300);

        Api.Response r = owner.get(ref + "/payload", "X-BOAT-AK-Name", akName, "Accept", "application/jose");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/jose");
        String[] parts = r.text().split("\\.");
        assertThat(parts).hasSize(5);
        JsonObject header = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(parts[0]),
                StandardCharsets.UTF_8))).readObject();
        assertThat(header.getString("alg")).isEqualTo("RSA-OAEP-256");
        assertThat(header.getString("enc")).isEqualTo("A256GCM");
        assertThat(header.getString("kid")).isEqualTo(host.bindKeyName());
        assertThat(header.getString("boat_report_id")).isNotBlank();
        assertThat(host.unwrapJwe(r.text())).isEqualTo(KEY);

        JsonObject event = owner.get("/v1/release-events?secret_id=" + id(ref)).json().getJsonArray("release_events")
                .getJsonObject(0);
        assertThat(event.getString("decision")).isEqualTo("released");
        assertThat(event.getString("ak_name")).isEqualTo(akName);
        assertThat(event.getString("host_group")).isEqualTo(GROUP);
        assertThat(event.getString("report_id")).isEqualTo(header.getString("boat_report_id"));
    }

    @Test
    @Order(2)
    void trustedHost_raw_unwrapsWithTpm2RsadecryptAndTheTpm2Label() throws Exception {
        String ref = requiredSecret("raw", 300);

        Api.Response r = owner.get(ref + "/payload", "X-BOAT-AK-Name", akName, "Accept", "application/octet-stream");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(r.body()).hasSize(256).isNotEqualTo(KEY);
        assertThat(host.unwrap(r.body(), "TPM2".getBytes(StandardCharsets.US_ASCII))).isEqualTo(KEY);
    }

    @Test
    @Order(3)
    void trustedHost_hostGroupOutsidePolicy_401() {
        String ref = SecretsApiIT.storeKey(owner, "other-group");
        owner.putJson(ref + "/release-policy", "{\"attestation_required\":true,\"host_groups\":[\"core\"]}");

        Api.Response r = owner.get(ref + "/payload", "X-BOAT-AK-Name", akName);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().getString("reason")).isEqualTo("host_group_not_allowed");
        assertThat(r.text()).doesNotContain(SecretsApiIT.KEY_B64);
    }

    @Test
    @Order(4)
    void unknownAk_401HostUnknown() {
        String ref = requiredSecret("unknown-ak", 300);

        Api.Response r = owner.get(ref + "/payload", "X-BOAT-AK-Name", "000b" + "7e".repeat(32));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().getString("reason")).isEqualTo("host_unknown");
    }

    @Test
    @Order(5)
    void pcrExtendedAfterAttestation_401NamingThePcr() throws Exception {
        host.extendPcr(7);
        assertThat(host.attest().getBoolean("trusted")).isFalse();
        Instant reattested = Instant.now();
        // A policy whose maximum report age the trusted report cached by the earlier releases has outlived.
        String ref = requiredSecret("pcr-extended", 2);
        while (Duration.between(reattested, Instant.now()).toSeconds() <= 3) {
            Thread.sleep(200);
        }

        Api.Response r = owner.get(ref + "/payload", "X-BOAT-AK-Name", akName);

        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.json().getString("reason")).isEqualTo("host_untrusted");
        assertThat(r.json().getString("description")).contains("PCR 7");
        assertThat(r.text()).doesNotContain(SecretsApiIT.KEY_B64);
    }

    @Test
    @Order(6)
    void attestationServiceStopped_500AndBoatStillServes() throws Exception {
        String ref = requiredSecret("service-down", 300);
        String plain = SecretsApiIT.storeKey(owner, "plain-while-down");
        host.stopService();

        Api.Response r = owner.get(ref + "/payload", "X-BOAT-AK-Name", "000b" + "3c".repeat(32));

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().getString("reason")).isEqualTo("attestation_unavailable");
        assertThat(owner.get(plain + "/payload", "Accept", "application/octet-stream").body()).isEqualTo(KEY);
        assertThat(owner.get(ref + "/payload").status()).isEqualTo(403);
    }

    private static String requiredSecret(String name, int maxAge) {
        String ref = SecretsApiIT.storeKey(owner, name);
        Api.Response p = owner.putJson(ref + "/release-policy", "{\"attestation_required\":true,\"host_groups\":[\""
                + GROUP + "\"],\"max_report_age\":" + maxAge + "}");
        assertThat(p.status()).as(p.toString()).isEqualTo(200);
        return ref;
    }

    private static String id(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
