package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests that Payara's listener mishandled before the application saw them (issue 10): malformed
 * percent escapes and an empty Host were answered with an empty 200 (a DELETE that looked
 * successful) and a SEVERE stack trace per request; HTTP/0.9, CONNECT and an HTTP/2 preface were
 * held until the idle timeout. The listener guard (listener-guard/) answers each at once.
 */
class MalformedRequestsIT {

    private static final String KEY = "{\"name\":\"m\",\"payload\":\"c2VjcmV0LWtleS1ieXRlcw==\","
            + "\"payload_content_type\":\"application/octet-stream\",\"payload_content_encoding\":\"base64\"}";

    private static int port() {
        return URI.create(SharedServer.get().baseUrl()).getPort();
    }

    private static String raw(String request) throws IOException {
        return RawHttp.exchange(port(), request);
    }

    private static JsonObject body(String response) {
        return Json.createReader(new StringReader(response.substring(response.indexOf("\r\n\r\n") + 4))).readObject();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "DELETE", "PUT"})
    void malformedPercentEscape_isA400WithBarbicansJsonError_andTheSecretStays(String method) throws IOException {
        SharedServer.Tenant t = SharedServer.tenant("admin");
        String ref = t.as("admin").postJson("/v1/secrets", KEY).json().getString("secret_ref");
        String path = URI.create(ref).getPath();
        String body = "PUT".equals(method) ? "Content-Type: text/plain\r\nContent-Length: 3\r\n\r\nabc" : "\r\n";
        for (String bad : new String[] {"/v1/secrets/%", "/v1/secrets/%zz", path + "%", path + "%zz"}) {
            String response = raw(method + " " + bad + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: "
                    + t.tokens().get("admin") + "\r\n" + body);
            assertThat(response).as("%s %s", method, bad).startsWith("HTTP/1.1 400 ");
            assertThat(response.toLowerCase()).contains("content-type: application/json");
            JsonObject error = body(response);
            assertThat(error.getInt("code")).isEqualTo(400);
            assertThat(error.getString("title")).isEqualTo("Bad Request");
            assertThat(error.getString("description")).contains("percent-encoding");
        }
        assertThat(t.as("admin").get(ref).status()).isEqualTo(200);
        assertThat(t.as("admin").get(ref + "/payload", "Accept", "application/octet-stream").body())
                .isEqualTo("secret-key-bytes".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void malformedPercentEscape_leavesNoStackTraceInTheLog() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertThat(raw("GET /v1/secrets/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        }
        String log = Files.readString(SharedServer.get().home().resolve("server.log"));
        assertThat(log).doesNotContain("URLDecoder").doesNotContain("Illegal hex characters");
    }

    @Test
    void malformedPercentEscape_onAKeptAliveConnection_isRefusedAndTheConnectionClosed() throws IOException {
        String response = raw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "DELETE /v1/secrets/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 300 ");
        String second = response.substring(response.indexOf("HTTP/1.1 ", 1));
        assertThat(second).startsWith("HTTP/1.1 400 ");
        assertThat(body(second).getInt("code")).isEqualTo(400);
    }

    @Test
    void emptyHostHeader_isA400WithJsonError() throws IOException {
        String response = raw("GET /v1/secrets HTTP/1.1\r\nHost:\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400 ");
        JsonObject error = body(response);
        assertThat(error.getInt("code")).isEqualTo(400);
        assertThat(error.getString("description")).contains("Host");
    }

    /** Read to the server's close: the answer arrives and the connection is not held open. */
    @Test
    void http09RequestLine_isAnswered400AndClosed() throws IOException {
        String response = raw("GET /\r\n");
        assertThat(response).startsWith("HTTP/1.1 400 ");
        assertThat(body(response).getString("description")).contains("request line");
    }

    @Test
    void connect_isAnswered405AndClosed() throws IOException {
        String response = raw("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 405 ");
        assertThat(body(response).getInt("code")).isEqualTo(405);
    }

    /**
     * HTTP/2 without the h2c upgrade (prior knowledge) on the cleartext listener: the server preface
     * (an empty SETTINGS frame) and a GOAWAY whose error code is HTTP_1_1_REQUIRED (0xd), then close.
     */
    @Test
    void http2PrefaceOnTheCleartextListener_isAnsweredWithGoawayHttp11Required() throws IOException {
        byte[] answer = RawHttp.exchange(port(),
                "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] settings = {0, 0, 0, 4, 0, 0, 0, 0, 0};
        assertThat(Arrays.copyOfRange(answer, 0, 9)).isEqualTo(settings);
        assertThat(answer).hasSize(9 + 9 + 8);
        assertThat(answer[9 + 3]).as("frame type GOAWAY").isEqualTo((byte) 7);
        assertThat(Arrays.copyOfRange(answer, answer.length - 4, answer.length)).as("error code")
                .isEqualTo(new byte[] {0, 0, 0, 0x0d});
    }
}
