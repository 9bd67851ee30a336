package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The low-severity findings of issue 10, each as the request that showed it. */
class HardeningIT {

    private static final String KEY = "\"payload\":\"c2VjcmV0LWtleS1ieXRlcw==\",\"payload_content_type\":"
            + "\"application/octet-stream\",\"payload_content_encoding\":\"base64\"";

    /** One raw HTTP/1.1 exchange with {@code Connection: close}, so any Host header can be sent. */
    private static String raw(String request) throws IOException {
        return RawHttp.exchange(URI.create(SharedServer.get().baseUrl()).getPort(), request);
    }

    @Test
    void hostHeader_doesNotSteerLinks_secretRefLocationAndCatalogUseTheListener() throws IOException {
        SharedServer.Tenant t = SharedServer.tenant("creator");
        String body = "{\"name\":\"h\"," + KEY + "}";
        String response = raw("POST /v1/secrets HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n"
                + "X-Auth-Token: " + t.tokens().get("creator") + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
        String base = SharedServer.get().baseUrl();
        assertThat(response).startsWith("HTTP/1.1 201");
        assertThat(response).doesNotContain("evil.example");
        assertThat(response).containsIgnoringCase("Location: " + base + "/v1/secrets/");
        assertThat(response).contains("\"secret_ref\":\"" + base + "/v1/secrets/");

        String auth = Api.passwordAuth(t.member("creator").name(), t.member("creator").password(), t.projectName());
        String token = raw("POST /v3/auth/tokens HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + auth.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + auth);
        assertThat(token).startsWith("HTTP/1.1 201").contains(base).doesNotContain("evil.example");
    }

    @Test
    void payloadAndTokenResponses_noStoreAndNosniff() {
        SharedServer.Tenant t = SharedServer.tenant("creator");
        Api creator = t.as("creator");
        String ref = creator.postJson("/v1/secrets", "{\"name\":\"c\"," + KEY + "}").json().getString("secret_ref");
        Api.Response payload = creator.get(ref + "/payload", "Accept", "application/octet-stream");
        Api.Response token = SharedServer.get().api().postJson("/v3/auth/tokens",
                Api.passwordAuth(t.member("creator").name(), t.member("creator").password(), t.projectName()));
        for (Api.Response r : new Api.Response[] {payload, token}) {
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void wadlAndOptions_doNotNameTheFramework() {
        Api api = SharedServer.get().api();
        assertThat(api.get("/application.wadl").status()).isEqualTo(404);
        Api.Response options = api.send("OPTIONS", "/v1/secrets", null);
        assertThat(options.text().toLowerCase()).doesNotContain("jersey").doesNotContain("wadl");
        assertThat(options.headers().toString().toLowerCase()).doesNotContain("jersey");
    }

    @Test
    void offsetNearIntMax_nextLinkNeverNegative() {
        Api.Response r = SharedServer.tenant("creator").as("creator").get("/v1/secrets?offset=2147483647&limit=100");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).doesNotContain("offset=-");
    }

    @Test
    void metricsNeedMoreThanNoToken_healthStaysOpen_noServerBanner() {
        Api api = SharedServer.get().api();
        Api.Response metrics = api.get("/metrics");
        assertThat(metrics.status()).isNotEqualTo(200);
        assertThat(metrics.text()).doesNotContain("jvm").doesNotContain("thread");
        assertThat(api.get("/health").status()).isEqualTo(200);
        Api.Response version = api.get("/");
        assertThat(version.header("X-Powered-By")).isNull();
        assertThat(version.header("Server")).isNull();
    }

    /**
     * What the container answers itself, outside BOAT's resources, was Payara's HTML error page naming
     * the server and its version; and the OpenAPI document described every resource without a token.
     */
    @Test
    void containerAnswers_areBarbicanJson_withoutServerOrVersion_andNoOpenApiDocument() {
        Api api = SharedServer.get().api();
        String[][] cases = {
            {"GET", "/metrics", "403"}, {"GET", "/metrics/base", "403"}, {"HEAD", "/metrics", "403"},
            {"GET", "/openapi", "403"}, {"GET", "/openapi/ui/", "404"},
            {"GET", "/WEB-INF/web.xml", "404"}, {"GET", "/META-INF/MANIFEST.MF", "404"},
            {"GET", "/_boat/error", "404"}, {"POST", "/_boat/error", "404"},
        };
        for (String[] c : cases) {
            Api.Response r = api.send(c[0], c[1], null);
            String what = c[0] + " " + c[1] + " -> " + r;
            int status = Integer.parseInt(c[2]);
            assertThat(r.status()).as(what).isEqualTo(status);
            assertThat(r.header("Content-Type")).as(what).startsWith("application/json");
            assertThat(r.header("Cache-Control")).as(what).isEqualTo("no-store");
            assertThat(r.headers().toString().toLowerCase()).as(what).doesNotContain("payara");
            if (!c[0].equals("HEAD")) {
                assertThat(r.json().getInt("code")).as(what).isEqualTo(status);
                assertThat(r.json().getString("title")).as(what).isEqualTo(status == 403 ? "Forbidden" : "Not Found");
                assertThat(r.text().toLowerCase()).as(what).doesNotContain("payara").doesNotContain("<html")
                        .doesNotContain("microprofile").doesNotContain("openapi: ");
            }
        }
    }

    @Test
    void textPayloads_loneSurrogateOrInvalidUtf8_are400_andNothingIsStored() {
        Api creator = SharedServer.tenant("creator").as("creator");
        Api.Response surrogate = creator.postJson("/v1/secrets",
                "{\"name\":\"t\",\"payload\":\"A\\ud800B\",\"payload_content_type\":\"text/plain\"}");
        assertThat(surrogate.status()).isEqualTo(400);
        assertThat(creator.get("/v1/secrets").json().getInt("total")).isZero();
        String ref = creator.postJson("/v1/secrets", "{\"name\":\"empty\"}").json().getString("secret_ref");
        Api.Response bytes = creator.send("PUT", ref, new byte[] {'A', (byte) 0xff, 'B'}, "Content-Type", "text/plain");
        assertThat(bytes.status()).isEqualTo(400);
        assertThat(creator.get(ref + "/payload", "Accept", "text/plain").status()).isNotEqualTo(200);
    }

    @Test
    void datesAtTheEndsOfTheRange_are400_inSecretsOrdersAndFilters() {
        Api creator = SharedServer.tenant("creator").as("creator");
        for (String date : new String[] {"+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00"}) {
            assertThat(creator.postJson("/v1/secrets", "{\"name\":\"d\",\"expiration\":\"" + date + "\"}").status())
                    .isEqualTo(400);
            assertThat(creator.postJson("/v1/orders", "{\"type\":\"key\",\"meta\":{\"algorithm\":\"aes\","
                    + "\"bit_length\":256,\"mode\":\"cbc\",\"expiration\":\"" + date + "\"}}").status()).isEqualTo(400);
            String encoded = java.net.URLEncoder.encode("gt:" + date, StandardCharsets.UTF_8);
            assertThat(creator.get("/v1/secrets?created=" + encoded).status()).isEqualTo(400);
        }
        assertThat(creator.get("/v1/secrets").json().getInt("total")).isZero();
    }

    @Test
    void metadataKeysWithSpacesQuotesPercentOrAngle_created_andReachableAtTheirLocation_controlCharacters400() {
        Api creator = SharedServer.tenant("creator").as("creator");
        String ref = creator.postJson("/v1/secrets", "{\"name\":\"m\"}").json().getString("secret_ref");
        for (String key : new String[] {"a b", "q\\\"uote", "pct%", "lt<"}) {
            Api.Response r = creator.postJson(ref + "/metadata", "{\"key\":\"" + key + "\",\"value\":\"v\"}");
            assertThat(r.status()).as(key + ": " + r).isEqualTo(201);
            Api.Response back = creator.get(r.header("Location"));
            assertThat(back.status()).as(key).isEqualTo(200);
            assertThat(back.json().getString("value")).isEqualTo("v");
        }
        String control = "{\"key\":\"bad\\u0001key\",\"value\":\"v\"}";
        assertThat(creator.postJson(ref + "/metadata", control).status()).isEqualTo(400);
        assertThat(creator.postJson(ref + "/metadata", control).status()).isEqualTo(400);
    }
}
