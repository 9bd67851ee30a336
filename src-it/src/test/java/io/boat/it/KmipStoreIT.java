package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.kmip.testing.PyKmipServer;
import io.boat.testing.TestPki;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole secret and order API with the KMIP store, through the deployed resource adapter,
 * against a real PyKMIP server; PyKMIP's own Python client checks that the keys really live
 * there (objects are named {@code boat/<project>/<secret>}).
 */
class KmipStoreIT {

    /** PyKMIP's client: argv = host port cert key ca name; prints the hex value of the named object. */
    static final String GET_BY_NAME = String.join("\n",
            "import sys",
            "from kmip.pie.client import ProxyKmipClient",
            "from kmip.core import enums",
            "from kmip.core.factories.attributes import AttributeFactory",
            "host, port, cert, key, ca, name = sys.argv[1:7]",
            "client = ProxyKmipClient(hostname=host, port=int(port), cert=cert, key=key, ca=ca,",
            "                         ssl_version='PROTOCOL_TLSv1_2', config_file='/dev/null')",
            "with client:",
            "    uids = client.locate(attributes=[AttributeFactory().create_attribute(enums.AttributeType.NAME, name)])",
            "    print(','.join(client.get(u).value.hex() for u in uids))",
            "");

    static PyKmipServer kmip;
    static BoatServer boat;
    static Api owner;
    static String projectId;

    @BeforeAll
    static void start() throws Exception {
        PyKmipServer.requireInstalled();
        kmip = PyKmipServer.start(PyKmipServer.newWorkDir("boat-kmip-it"));
        boat = BoatServer.kmip("kmip", Map.of(
                "BOAT_KMIP_HOST", "127.0.0.1",
                "BOAT_KMIP_PORT", String.valueOf(kmip.port()),
                "BOAT_KMIP_KEYSTORE", kmip.dir().resolve("client.p12").toString(),
                "BOAT_KMIP_TRUSTSTORE", kmip.dir().resolve("truststore.p12").toString(),
                "BOAT_KMIP_STORE_PASSWORD", TestPki.PASSWORD,
                "BOAT_KMIP_CONNECT_TIMEOUT_MS", "2000",
                "BOAT_KMIP_READ_TIMEOUT_MS", "5000")).start();
        Api api = boat.api();
        String token = api.token("admin", BoatServer.ADMIN_PASSWORD, "admin");
        owner = api.withToken(token);
        projectId = owner.get("/v3/auth/tokens", "X-Subject-Token", token).json()
                .getJsonObject("token").getJsonObject("project").getString("id");
    }

    @AfterAll
    static void stop() throws Exception {
        if (boat != null) {
            boat.stop();
        }
        if (kmip != null) {
            kmip.close();
        }
    }

    private static String inKmip(String secretRef) throws Exception {
        String id = secretRef.substring(secretRef.lastIndexOf('/') + 1);
        return kmip.runPython(GET_BY_NAME, "boat/" + projectId + "/" + id);
    }

    @Test
    void storedSecrets_symmetricPassphraseOpaque_liveInKmipAndReadBackExact() throws Exception {
        byte[] key = Base64.getDecoder().decode(SecretsApiIT.KEY_B64);
        String symmetric = SecretsApiIT.storeKey(owner, "kmip-symmetric");
        assertThat(inKmip(symmetric)).isEqualTo(HexFormat.of().formatHex(key));
        assertThat(owner.get(symmetric + "/payload", "Accept", "application/octet-stream").body()).isEqualTo(key);

        for (String type : new String[] {"passphrase", "opaque"}) {
            Api.Response r = owner.postJson("/v1/secrets", "{\"name\":\"kmip-" + type + "\",\"secret_type\":\""
                    + type + "\",\"payload\":\"pass-" + type + "\",\"payload_content_type\":\"text/plain\"}");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            String ref = r.json().getString("secret_ref");
            byte[] expected = ("pass-" + type).getBytes(StandardCharsets.UTF_8);
            assertThat(inKmip(ref)).isEqualTo(HexFormat.of().formatHex(expected));
            assertThat(owner.get(ref + "/payload", "Accept", "text/plain").body()).isEqualTo(expected);
        }
    }

    @Test
    void keyOrder_upperAndLowerCaseAes_createdInKmip() throws Exception {
        for (String alg : new String[] {"aes", "AES"}) {
            Api.Response r = owner.postJson("/v1/orders",
                    "{\"type\":\"key\",\"meta\":{\"algorithm\":\"" + alg + "\",\"bit_length\":256}}");
            assertThat(r.status()).isEqualTo(202);
            JsonObject order = Orders.awaitDone(owner, r.json().getString("order_ref"));
            assertThat(order.getString("status")).as(order.toString()).isEqualTo("ACTIVE");
            String secretRef = order.getString("secret_ref");
            byte[] payload = owner.get(secretRef + "/payload", "Accept", "application/octet-stream").body();
            assertThat(payload).hasSize(32);
            assertThat(inKmip(secretRef)).isEqualTo(HexFormat.of().formatHex(payload));
        }
    }

    @Test
    void keyOrderWithReleasePolicy_kmipKeyBornRequiringAttestation_untilThePolicyIsReset() throws Exception {
        Api.Response r = owner.postJson("/v1/orders", "{\"type\":\"key\",\"meta\":{\"algorithm\":\"aes\","
                + "\"bit_length\":256},\"release_policy\":{\"attestation_required\":true}}");
        assertThat(r.status()).isEqualTo(202);
        JsonObject order = Orders.awaitDone(owner, r.json().getString("order_ref"));
        assertThat(order.getString("status")).as(order.toString()).isEqualTo("ACTIVE");
        String secretRef = order.getString("secret_ref");
        assertThat(inKmip(secretRef)).isNotEmpty();

        Api.Response refused = owner.get(secretRef + "/payload", "Accept", "application/octet-stream");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().getString("reason")).isEqualTo("attestation_required");
        assertThat(owner.get(secretRef + "/release-policy").json().getBoolean("attestation_required")).isTrue();
        assertThat(owner.delete(secretRef + "/release-policy").status()).isEqualTo(200);
        byte[] payload = owner.get(secretRef + "/payload", "Accept", "application/octet-stream").body();
        assertThat(inKmip(secretRef)).isEqualTo(HexFormat.of().formatHex(payload));
    }

    @Test
    void delete_destroysTheKmipObject() throws Exception {
        String ref = SecretsApiIT.storeKey(owner, "kmip-delete");
        assertThat(inKmip(ref)).isNotEmpty();
        assertThat(owner.delete(ref).status()).isEqualTo(204);
        assertThat(inKmip(ref)).isEmpty();
    }

    @Test
    void kmipServerDown_503WithinTimeout_thenRecoversByItself() throws Exception {
        String ref = SecretsApiIT.storeKey(owner, "kmip-outage");
        kmip.stop();
        try {
            // A hang would fail here: Api gives every request 60 s, the adapter's timeouts are 2 s + 5 s.
            Api.Response down = owner.get(ref + "/payload", "Accept", "application/octet-stream");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().getString("description")).isEqualTo("The key store is temporarily unavailable.");
            Api.Response create = owner.postJson("/v1/secrets",
                    "{\"name\":\"while-down\",\"payload\":\"x\",\"payload_content_type\":\"text/plain\"}");
            assertThat(create.status()).isEqualTo(503);
            assertThat(owner.get("/v1/secrets?name=while-down").json().getInt("total")).isZero();
        } finally {
            kmip.restart();
        }
        Api.Response back = owner.get(ref + "/payload", "Accept", "application/octet-stream");
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).isEqualTo(Base64.getDecoder().decode(SecretsApiIT.KEY_B64));
    }
}
