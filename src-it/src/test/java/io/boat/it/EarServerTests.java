package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The smoke test of the EAR on a full server (subclasses pick the server): version discovery,
 * a Keystone password token, a stored key read back byte for byte, a generated key order that
 * becomes ACTIVE, 401 without a token, and the token as {@code Authorization: Bearer}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EarSmokeTests {

    static final byte[] KEY = Base64.getDecoder().decode("RwuBgu6vnzM8VBb7JFJ1Kwrd871cTgw2QFIFW07ZuUk=");

    EarServer server;
    Api api;
    String token;
    String secretRef;

    abstract EarServer.Kind kind();

    @BeforeAll
    void start() {
        server = EarServer.of(kind()).start();
        api = server.api();
        assertThat(server.startMillis()).as("start + deploy time (ms)").isLessThan(180_000);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @Order(1)
    void versionDiscovery_300() {
        Api.Response r = api.get("/");
        assertThat(r.status()).as(r.toString()).isEqualTo(300);
        assertThat(r.json().getJsonObject("versions").getJsonArray("values")).isNotEmpty();
    }

    @Test
    @Order(2)
    void passwordToken_201WithSubjectToken() {
        Api.Response r = api.postJson("/v3/auth/tokens", Api.passwordAuth("admin", EarServer.ADMIN_PASSWORD, "admin"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        token = r.header("X-Subject-Token");
        assertThat(token).isNotBlank();
        assertThat(r.json().getJsonObject("token").getJsonObject("project").getString("name")).isEqualTo("admin");
    }

    @Test
    @Order(3)
    void storeKey_201_payloadExactBytes() {
        Api.Response r = api.withToken(token).postJson("/v1/secrets", "{\"name\":\"ear-smoke\",\"secret_type\":\"symmetric\","
                + "\"algorithm\":\"aes\",\"bit_length\":256,\"mode\":\"cbc\",\"payload\":\""
                + Base64.getEncoder().encodeToString(KEY) + "\",\"payload_content_type\":\"application/octet-stream\","
                + "\"payload_content_encoding\":\"base64\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        secretRef = r.json().getString("secret_ref");
        assertThat(secretRef).startsWith(server.baseUrl() + "/v1/secrets/");

        Api.Response payload = api.withToken(token).get(secretRef + "/payload", "Accept", "application/octet-stream");
        assertThat(payload.status()).as(payload.toString()).isEqualTo(200);
        assertThat(payload.body()).isEqualTo(KEY);
    }

    @Test
    @Order(4)
    void order_202_becomesActive() throws InterruptedException {
        Api.Response r = api.withToken(token).postJson("/v1/orders",
                "{\"type\":\"key\",\"meta\":{\"name\":\"ear-order\",\"algorithm\":\"aes\",\"bit_length\":256,"
                        + "\"mode\":\"cbc\",\"payload_content_type\":\"application/octet-stream\"}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        JsonObject order = Orders.awaitDone(api.withToken(token), r.json().getString("order_ref"));
        assertThat(order.getString("status")).as(order.toString()).isEqualTo("ACTIVE");
        Api.Response key = api.withToken(token).get(order.getString("secret_ref") + "/payload",
                "Accept", "application/octet-stream");
        assertThat(key.status()).as(key.toString()).isEqualTo(200);
        assertThat(key.body()).hasSize(32);
    }

    @Test
    @Order(5)
    void noToken_401() {
        Api.Response r = api.get("/v1/secrets");
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(api.get(secretRef + "/payload", "Accept", "application/octet-stream").status()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void bearerToken_works() {
        Api.Response r = api.get(secretRef + "/payload", "Accept", "application/octet-stream",
                "Authorization", "Bearer " + token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(KEY);
        assertThat(api.get("/v1/secrets", "Authorization", "Bearer " + token).status()).isEqualTo(200);
    }
}
