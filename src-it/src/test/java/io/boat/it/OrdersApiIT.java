package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Barbican v1 orders over HTTP: generation, validation, listing, deletion. */
class OrdersApiIT {

    @ParameterizedTest
    @CsvSource({"aes,128", "aes,192", "aes,256", "AES,256", "hmacsha256,256"})
    void keyOrder_supportedAlgorithm_becomesActiveWithKeyOfThatLength(String alg, int bits) throws Exception {
        Api api = SharedServer.tenant("creator").as("creator");
        Api.Response r = api.postJson("/v1/orders",
                "{\"type\":\"key\",\"meta\":{\"name\":\"k\",\"algorithm\":\"" + alg + "\",\"bit_length\":" + bits + "}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        JsonObject order = Orders.awaitDone(api, r.json().getString("order_ref"));
        assertThat(order.getString("status")).as(() -> Orders.diagnosis(SharedServer.get(), order)).isEqualTo("ACTIVE");
        assertThat(order.getJsonObject("meta").getString("algorithm")).isEqualTo(alg);
        assertThat(order.getJsonObject("meta").isNull("expiration")).isTrue();
        assertThat(order.getString("sub_status")).isEqualTo("Unknown");
        String secretRef = order.getString("secret_ref");
        JsonObject secret = api.get(secretRef).json();
        assertThat(secret.getString("secret_type")).isEqualTo("symmetric");
        assertThat(secret.getString("algorithm")).isEqualTo(alg.toLowerCase());
        assertThat(secret.getInt("bit_length")).isEqualTo(bits);
        assertThat(api.get(secretRef + "/payload", "Accept", "application/octet-stream").body()).hasSize(bits / 8);
    }

    @Test
    void keyOrder_invalid_400AndNoOrderCreated() {
        Api api = SharedServer.tenant("creator").as("creator");
        Api.Response r = api.postJson("/v1/orders", "{\"type\": \"key\", \"meta\": {\"algorithm\": \"aes\", \"bit_length\": 100}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getString("description")).isEqualTo("Provided field value is not supported");
        for (String body : new String[] {
            "{\"type\":\"key\",\"meta\":{\"algorithm\":\"des\",\"bit_length\":56}}",
            "{\"type\":\"key\",\"meta\":{\"bit_length\":256}}",
            "{\"type\":\"key\",\"meta\":{\"algorithm\":\"aes\"}}",
            "{\"type\":\"key\",\"meta\":{\"algorithm\":\"aes\",\"bit_length\":\"256\"}}",
            "{\"type\":\"key\"}",
            "{\"type\":\"asymmetric\",\"meta\":{\"algorithm\":\"rsa\",\"bit_length\":2048}}",
            "{\"meta\":{\"algorithm\":\"aes\",\"bit_length\":256}}",
            "{\"type\":\"key\",\"meta\":{\"algorithm\":\"aes\",\"bit_length\":256,\"expiration\":\"2001-01-01T00:00:00\"}}"}) {
            Api.Response bad = api.postJson("/v1/orders", body);
            assertThat(bad.status()).as(body + " -> " + bad).isEqualTo(400);
        }
        assertThat(api.get("/v1/orders").json().getInt("total")).isZero();
    }

    @Test
    void listGetDelete_andUnknownOrder404() throws Exception {
        SharedServer.Tenant t = SharedServer.tenant("creator", "admin");
        Api api = t.as("creator");
        String ref = api.postJson("/v1/orders", "{\"type\":\"key\",\"meta\":{\"algorithm\":\"aes\",\"bit_length\":256}}")
                .json().getString("order_ref");
        api.postJson("/v1/orders", "{\"type\":\"key\",\"meta\":{\"algorithm\":\"aes\",\"bit_length\":128}}");
        JsonObject list = api.get("/v1/orders?limit=1").json();
        assertThat(list.getInt("total")).isEqualTo(2);
        assertThat(list.getJsonArray("orders")).hasSize(1);
        assertThat(list.getString("next")).endsWith("/v1/orders?limit=1&offset=1");
        JsonObject order = Orders.awaitDone(api, ref);
        assertThat(api.delete(ref).status()).isEqualTo(403);
        assertThat(t.as("admin").delete(ref).status()).isEqualTo(204);
        Api.Response gone = api.get(ref);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().getString("description")).isEqualTo("Not Found. Sorry but your order is in another castle.");
        assertThat(api.get(order.getString("secret_ref")).status()).isEqualTo(200);
    }
}
