package io.boat.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpeningTest {

    private static Opening of(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Opening.of(b, b.length);
    }

    @Test
    void http11RequestLine_isServed() {
        assertThat(of("GET /v1/secrets HTTP/1.1\r\nHost: x\r\n")).isEqualTo(Opening.HTTP_1);
        assertThat(of("DELETE /v1/secrets/%zz HTTP/1.0\n")).isEqualTo(Opening.HTTP_1);
    }

    @Test
    void leadingEmptyLine_isLeftToTheHttpCodec() {
        assertThat(of("\r\nGET / HTTP/1.1\r\n")).isEqualTo(Opening.HTTP_1);
    }

    @Test
    void connect_isRefusedWith400_evenBeforeTheLineEnds() {
        assertThat(of("CONNECT example.com:443")).isEqualTo(Opening.CONNECT);
        assertThat(of("CONNECT example.com:443 HTTP/1.1\r\n").status()).isEqualTo(400);
    }

    @Test
    void http2Preface_isRefusedWith505() {
        assertThat(of("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")).isEqualTo(Opening.HTTP_2);
        assertThat(of("PRI * HTTP/2.0").status()).isEqualTo(505);
    }

    @Test
    void requestLineWithoutVersion_isHttp09_refusedWith505() {
        assertThat(of("GET /\r\n")).isEqualTo(Opening.HTTP_0_9);
        assertThat(of("GET /\n").status()).isEqualTo(505);
    }

    @Test
    void partialLine_waitsForMore() {
        assertThat(of("GET /v1/sec")).isEqualTo(Opening.INCOMPLETE);
        assertThat(of("CONN")).isEqualTo(Opening.INCOMPLETE);
        assertThat(of("PRI * HT")).isEqualTo(Opening.INCOMPLETE);
        assertThat(of("")).isEqualTo(Opening.INCOMPLETE);
    }

    @Test
    void overlongLineWithoutEnd_isLeftToTheHttpCodec() {
        assertThat(of("GET /" + "a".repeat(Opening.MAX_LINE))).isEqualTo(Opening.HTTP_1);
    }

    @Test
    void refusalResponse_isCompleteHttp11WithJsonBodyAndClose() {
        String r = new String(RefusedOpeningFilter.response(505, "HTTP/2 is not supported; use HTTP/1.1."),
                StandardCharsets.UTF_8);
        String body = "{\"code\": 505, \"title\": \"HTTP Version Not Supported\", "
                + "\"description\": \"HTTP/2 is not supported; use HTTP/1.1.\"}";
        assertThat(r).startsWith("HTTP/1.1 505 HTTP Version Not Supported\r\n")
                .contains("Content-Type: application/json\r\n", "Connection: close\r\n",
                        "Content-Length: " + body.length() + "\r\n")
                .endsWith("\r\n\r\n" + body);
    }
}
