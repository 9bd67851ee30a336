package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Barbican v1 secrets over HTTP, checked against the shapes and codes of the Barbican 15 transcript. */
class SecretsApiIT {

    static final String KEY_B64 = "RwuBgu6vnzM8VBb7JFJ1Kwrd871cTgw2QFIFW07ZuUk=";
    static SharedServer.Tenant tenant;
    static Api creator;

    @BeforeAll
    static void tenant() {
        tenant = SharedServer.tenant("creator", "admin");
        creator = tenant.as("creator");
    }

    static String storeKey(Api api, String name) {
        Api.Response r = api.postJson("/v1/secrets", "{\"name\":\"" + name + "\",\"secret_type\":\"symmetric\","
                + "\"algorithm\":\"aes\",\"bit_length\":256,\"mode\":\"cbc\",\"payload\":\"" + KEY_B64 + "\","
                + "\"payload_content_type\":\"application/octet-stream\",\"payload_content_encoding\":\"base64\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().getString("secret_ref");
    }

    @Test
    void post_base64Payload_201WithLocationAndBarbicanHeaders() {
        Api.Response r = creator.postJson("/v1/secrets", "{\"name\":\"k\",\"payload\":\"" + KEY_B64 + "\","
                + "\"payload_content_type\":\"application/octet-stream\",\"payload_content_encoding\":\"base64\"}");
        assertThat(r.status()).isEqualTo(201);
        String ref = r.json().getString("secret_ref");
        assertThat(ref).matches("http://127\\.0\\.0\\.1:\\d+/v1/secrets/[0-9a-f-]{36}");
        assertThat(r.header("Location")).isEqualTo(ref);
        assertThat(r.header("openstack-api-version")).isEqualTo("key-manager 1.0");
        assertThat(r.header("vary")).isEqualTo("openstack-api-version");
        assertThat(r.header("x-openstack-request-id")).startsWith("req-");
    }

    @Test
    void getMetadata_storedKey_matchesBarbicanShape() {
        String ref = storeKey(creator, "meta-shape");
        JsonObject m = creator.get(ref, "Accept", "application/json").json();
        assertThat(m.getString("status")).isEqualTo("ACTIVE");
        assertThat(m.getString("name")).isEqualTo("meta-shape");
        assertThat(m.getString("secret_type")).isEqualTo("symmetric");
        assertThat(m.isNull("expiration")).isTrue();
        assertThat(m.getString("algorithm")).isEqualTo("aes");
        assertThat(m.getInt("bit_length")).isEqualTo(256);
        assertThat(m.getString("mode")).isEqualTo("cbc");
        assertThat(m.getJsonObject("content_types").getString("default")).isEqualTo("application/octet-stream");
        assertThat(m.getString("secret_ref")).isEqualTo(ref);
        assertThat(m.getString("created")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(m.keySet()).doesNotContain("payload");
    }

    @Test
    void getPayload_octetStreamAcceptWildcardAndLegacyForm_returnExactBytes() {
        String ref = storeKey(creator, "payload");
        byte[] expected = Base64.getDecoder().decode(KEY_B64);
        Api.Response octet = creator.get(ref + "/payload", "Accept", "application/octet-stream");
        assertThat(octet.status()).isEqualTo(200);
        assertThat(octet.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(octet.body()).isEqualTo(expected);
        Api.Response wildcard = creator.get(ref + "/payload", "Accept", "*/*");
        assertThat(wildcard.status()).isEqualTo(200);
        assertThat(wildcard.body()).isEqualTo(expected);
        Api.Response legacy = creator.get(ref, "Accept", "application/octet-stream");
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.body()).isEqualTo(expected);
    }

    @Test
    void getPayload_wrongAccept_406WithBarbicanMessage() {
        String ref = storeKey(creator, "wrong-accept");
        Api.Response r = creator.get(ref + "/payload", "Accept", "text/plain");
        assertThat(r.status()).isEqualTo(406);
        assertThat(r.json().getInt("code")).isEqualTo(406);
        assertThat(r.json().getString("title")).isEqualTo("Not Acceptable");
        assertThat(r.json().getString("description"))
                .isEqualTo("Secret payload retrieval issue seen - Wrong payload content-type.");
    }

    @Test
    void textPlainSecret_defaultsToOpaqueAndReturnsUtf8Text() {
        Api.Response r = creator.postJson("/v1/secrets",
                "{\"name\":\"pw\",\"payload\":\"s3cr3t-p4ss-\u00e9\",\"payload_content_type\":\"text/plain\"}");
        assertThat(r.status()).isEqualTo(201);
        String ref = r.json().getString("secret_ref");
        assertThat(creator.get(ref).json().getString("secret_type")).isEqualTo("opaque");
        Api.Response payload = creator.get(ref + "/payload", "Accept", "text/plain");
        assertThat(payload.status()).isEqualTo(200);
        assertThat(payload.header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(payload.text()).isEqualTo("s3cr3t-p4ss-\u00e9");
    }

    @Test
    void twoStep_putPayloadOnce_thenSecondPutIs409() {
        Api.Response meta = creator.postJson("/v1/secrets", "{\"name\":\"two-step\",\"secret_type\":\"opaque\"}");
        assertThat(meta.status()).isEqualTo(201);
        String ref = meta.json().getString("secret_ref");
        assertThat(creator.get(ref).json().getJsonObject("content_types")).isEmpty();
        assertThat(creator.get(ref + "/payload").status()).isEqualTo(404);
        byte[] raw = "raw-bytes-0123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(creator.send("PUT", ref, raw, "Content-Type", "application/octet-stream").status()).isEqualTo(204);
        assertThat(creator.get(ref + "/payload", "Accept", "application/octet-stream").body()).isEqualTo(raw);
        Api.Response again = creator.send("PUT", ref, raw, "Content-Type", "application/octet-stream");
        assertThat(again.status()).isEqualTo(409);
        assertThat(creator.get(ref + "/payload", "Accept", "application/octet-stream").body()).isEqualTo(raw);
    }

    @Test
    void twoStep_base64ContentEncoding_decodes() {
        String ref = creator.postJson("/v1/secrets", "{\"name\":\"two-step-b64\"}").json().getString("secret_ref");
        byte[] b64 = KEY_B64.getBytes(StandardCharsets.US_ASCII);
        assertThat(creator.send("PUT", ref, b64, "Content-Type", "application/octet-stream",
                "Content-Encoding", "base64").status()).isEqualTo(204);
        assertThat(creator.get(ref + "/payload", "Accept", "application/octet-stream").body())
                .isEqualTo(Base64.getDecoder().decode(KEY_B64));
    }

    @Test
    void twoStep_unsupportedContentType_415AndNothingStored() {
        String ref = creator.postJson("/v1/secrets", "{\"name\":\"two-step-415\"}").json().getString("secret_ref");
        Api.Response r = creator.send("PUT", ref, "x".getBytes(StandardCharsets.US_ASCII), "Content-Type", "image/png");
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().getString("title")).isEqualTo("Unsupported Media Type");
        assertThat(creator.get(ref).json().getJsonObject("content_types")).isEmpty();
    }

    @Test
    void post_binaryPayloadWithoutEncoding_400WithBarbicanSchemaMessage() {
        Api.Response r = creator.postJson("/v1/secrets",
                "{\"payload\":\"abc\",\"payload_content_type\":\"application/octet-stream\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getString("description")).isEqualTo("Provided object does not match schema 'Secret': "
                + "payload_content_encoding is not one of ['base64', 'binary']. Invalid property: 'payload_content_encoding'");
    }

    @Test
    void post_invalidInputs_400AndNothingCreated() {
        long before = total(creator);
        String[] bad = {
            "{\"payload\":\"!!!not base64!!!\",\"payload_content_type\":\"application/octet-stream\",\"payload_content_encoding\":\"base64\"}",
            "{\"payload\":\"\",\"payload_content_type\":\"text/plain\"}",
            "{\"payload\":\"x\"}",
            "{\"payload\":\"x\",\"payload_content_type\":\"image/png\"}",
            "{\"bit_length\":\"256\"}",
            "{\"secret_type\":\"banana\"}",
            "{\"name\":12}",
            "{\"expiration\":\"not-a-date\"}",
            "{\"expiration\":\"2001-01-01T00:00:00\"}",
            "[1,2]",
            "{not json",
        };
        for (String body : bad) {
            Api.Response r = creator.postJson("/v1/secrets", body);
            assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
            assertThat(r.json().getInt("code")).isEqualTo(400);
            assertThat(r.json().getString("description")).isNotBlank();
        }
        assertThat(total(creator)).isEqualTo(before);
    }

    @Test
    void post_wrongContentType_415() {
        Api.Response r = creator.send("POST", "/v1/secrets", "{}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/xml");
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().getInt("code")).isEqualTo(415);
    }

    @Test
    void post_payloadOverLimit_413AndNothingCreated() {
        long before = total(creator);
        String big = Base64.getEncoder().encodeToString(new byte[10_001]);
        Api.Response r = creator.postJson("/v1/secrets", "{\"payload\":\"" + big + "\","
                + "\"payload_content_type\":\"application/octet-stream\",\"payload_content_encoding\":\"base64\"}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().getString("description")).isEqualTo("Could not add secret data as it was too large");
        Api.Response huge = creator.postJson("/v1/secrets", "{\"name\":\"" + "x".repeat(30_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(total(creator)).isEqualTo(before);
    }

    @Test
    void wrongMethod_405JsonError() {
        Api.Response r = creator.send("PATCH", "/v1/secrets", null);
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.json().getInt("code")).isEqualTo(405);
    }

    @Test
    void unknownAndMalformedIds_404WithBarbicanMessage() {
        Api.Response unknown = creator.get("/v1/secrets/00000000-0000-0000-0000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("description")).isEqualTo("Not Found. Provided secret id is invalid.");
        assertThat(creator.get("/v1/secrets/not-a-uuid").status()).isEqualTo(404);
        assertThat(creator.get("/v1/no-such-collection").status()).isEqualTo(404);
    }

    @Test
    void delete_thenPayload404SecretNotFound() {
        String ref = storeKey(creator, "to-delete");
        assertThat(tenant.as("admin").delete(ref).status()).isEqualTo(204);
        Api.Response r = creator.get(ref + "/payload", "Accept", "application/octet-stream");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().getString("description")).isEqualTo("Secret not found.");
        assertThat(tenant.as("admin").delete(ref).status()).isEqualTo(404);
    }

    @Test
    void expiration_futureServedPastNotListedOrServed() throws Exception {
        String soon = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(3).toString();
        Api.Response r = creator.postJson("/v1/secrets", "{\"name\":\"expiring\",\"expiration\":\"" + soon + "\","
                + "\"payload\":\"short-lived\",\"payload_content_type\":\"text/plain\"}");
        assertThat(r.status()).isEqualTo(201);
        String ref = r.json().getString("secret_ref");
        assertThat(creator.get(ref).json().getString("expiration")).isNotNull();
        assertThat(creator.get(ref + "/payload", "Accept", "text/plain").text()).isEqualTo("short-lived");
        Thread.sleep(3500);
        assertThat(creator.get(ref).status()).isEqualTo(404);
        assertThat(creator.get(ref + "/payload", "Accept", "text/plain").status()).isEqualTo(404);
        assertThat(creator.get("/v1/secrets?name=expiring").json().getInt("total")).isZero();
    }

    @Test
    void list_pagingFiltersAndSort() {
        SharedServer.Tenant t = SharedServer.tenant("creator");
        Api api = t.as("creator");
        for (int i = 0; i < 4; i++) {
            storeKey(api, "list-" + i);
        }
        api.postJson("/v1/secrets", "{\"name\":\"list-text\",\"payload\":\"t\",\"payload_content_type\":\"text/plain\"}");
        JsonObject all = api.get("/v1/secrets").json();
        assertThat(all.getInt("total")).isEqualTo(5);
        assertThat(all.getJsonArray("secrets")).hasSize(5);
        assertThat(all.containsKey("next")).isFalse();

        JsonObject page = api.get("/v1/secrets?limit=2&offset=1").json();
        assertThat(page.getJsonArray("secrets")).hasSize(2);
        assertThat(page.getJsonArray("secrets").getJsonObject(0).getString("name")).isEqualTo("list-1");
        assertThat(page.getString("previous")).endsWith("/v1/secrets?limit=2&offset=0");
        assertThat(page.getString("next")).endsWith("/v1/secrets?limit=2&offset=3");
        assertThat(page.getInt("total")).isEqualTo(5);

        assertThat(api.get("/v1/secrets?name=list-2").json().getInt("total")).isEqualTo(1);
        assertThat(api.get("/v1/secrets?alg=AES&bits=256&mode=cbc").json().getInt("total")).isEqualTo(4);
        assertThat(api.get("/v1/secrets?secret_type=opaque").json().getInt("total")).isEqualTo(1);
        assertThat(api.get("/v1/secrets?created=gt:2000-01-01T00:00:00").json().getInt("total")).isEqualTo(5);
        assertThat(api.get("/v1/secrets?created=lt:2000-01-01T00:00:00").json().getInt("total")).isZero();
        JsonObject desc = api.get("/v1/secrets?sort=name:desc&limit=1").json();
        assertThat(desc.getJsonArray("secrets").getJsonObject(0).getString("name")).isEqualTo("list-text");
        assertThat(api.get("/v1/secrets?sort=banana").status()).isEqualTo(400);
        assertThat(api.get("/v1/secrets?bits=many").status()).isEqualTo(400);
    }

    @Test
    void userMetadata_keysLowerCasedAndFullLifecycle() {
        String ref = storeKey(creator, "with-meta");
        Api.Response put = creator.putJson(ref + "/metadata", "{\"metadata\":{\"Geolocation\":\"12.3,45.6\",\"OS\":\"linux\"}}");
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.json().getString("metadata_ref")).isEqualTo(ref + "/metadata");
        JsonObject all = creator.get(ref + "/metadata").json().getJsonObject("metadata");
        assertThat(all.getString("geolocation")).isEqualTo("12.3,45.6");
        assertThat(all.getString("os")).isEqualTo("linux");
        assertThat(creator.postJson(ref + "/metadata", "{\"key\":\"Access\",\"value\":\"rw\"}").status()).isEqualTo(201);
        assertThat(creator.postJson(ref + "/metadata", "{\"key\":\"access\",\"value\":\"ro\"}").status()).isEqualTo(409);
        assertThat(creator.get(ref + "/metadata/ACCESS").json().getString("value")).isEqualTo("rw");
        assertThat(creator.putJson(ref + "/metadata/access", "{\"key\":\"access\",\"value\":\"ro\"}").json()
                .getString("value")).isEqualTo("ro");
        assertThat(creator.putJson(ref + "/metadata/access", "{\"key\":\"other\",\"value\":\"ro\"}").status())
                .isEqualTo(400);
        assertThat(creator.delete(ref + "/metadata/access").status()).isEqualTo(204);
        assertThat(creator.get(ref + "/metadata/access").status()).isEqualTo(404);
        assertThat(creator.putJson(ref + "/metadata", "{\"metadata\":{\"k\":1}}").status()).isEqualTo(400);
    }

    static long total(Api api) {
        return api.get("/v1/secrets").json().getJsonNumber("total").longValue();
    }
}
