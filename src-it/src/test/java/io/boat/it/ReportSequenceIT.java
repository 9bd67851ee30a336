package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The 2014 report's §10.1 sequence, end to end, as its curl commands ran it: a v2.0 token, a key
 * order, the order's status until ACTIVE, and the key's payload.
 */
class ReportSequenceIT {

    @Test
    void tokenOrderStatusPayload_v2TokenAndAesOrder_returns32ByteKey() throws Exception {
        Api api = SharedServer.get().api();
        String auth = Json.createObjectBuilder().add("auth", Json.createObjectBuilder()
                .add("passwordCredentials", Json.createObjectBuilder().add("username", "admin")
                        .add("password", BoatServer.ADMIN_PASSWORD))
                .add("tenantName", "admin")).build().toString();
        Api.Response tokenResponse = api.postJson("/v2.0/tokens", auth);
        assertThat(tokenResponse.status()).isEqualTo(200);
        JsonObject access = tokenResponse.json().getJsonObject("access");
        String token = access.getJsonObject("token").getString("id");
        assertThat(access.getJsonObject("token").getJsonObject("tenant").getString("name")).isEqualTo("admin");
        assertThat(access.getJsonArray("serviceCatalog").getJsonObject(0).getString("type")).isEqualTo("key-manager");

        Api owner = api.withToken(token);
        Api.Response order = owner.postJson("/v1/orders",
                "{\"type\":\"key\",\"meta\":{\"name\":\"vm-image-key\",\"algorithm\":\"aes\",\"bit_length\":256,"
                        + "\"mode\":\"cbc\",\"payload_content_type\":\"application/octet-stream\"}}");
        assertThat(order.status()).isEqualTo(202);
        String orderRef = order.json().getString("order_ref");
        assertThat(order.header("Location")).isEqualTo(orderRef);

        JsonObject status = Orders.awaitDone(owner, orderRef);
        assertThat(status.getString("status")).isEqualTo("ACTIVE");
        String secretRef = status.getString("secret_ref");

        Api.Response payload = owner.get(secretRef + "/payload", "Accept", "application/octet-stream");
        assertThat(payload.status()).isEqualTo(200);
        assertThat(payload.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(payload.body()).hasSize(32);
    }
}
