package io.boat.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.listener.RequestChecks.LineVerdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"GET / HTTP/1.1", "DELETE /v1/secrets/abc HTTP/1.1", "GET /v1?x=%zz HTTP/1.0",
            "OPTIONS * HTTP/1.1", "GET / HTTP/2.0"})
    void firstLine_http1RequestLine_passes(String line) {
        assertThat(RequestChecks.firstLine(line, false)).isEqualTo(LineVerdict.PASS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /", "GET", "", "GET  / HTTP/1.1", "GET / HTTP/1.1 ", "GET / http/1.1",
            "GET / HTTP/11", "G\u00c9T / HTTP/1.1", "\u0016\u0003\u0001"})
    void firstLine_notAnHttp1RequestLine_isMalformed(String line) {
        assertThat(RequestChecks.firstLine(line, false)).isEqualTo(LineVerdict.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void firstLine_connect_isRefusedOnBothListeners(boolean secure) {
        assertThat(RequestChecks.firstLine("CONNECT example.com:443 HTTP/1.1", secure)).isEqualTo(LineVerdict.CONNECT);
    }

    @ParameterizedTest
    @CsvSource({"false, HTTP2_PREFACE", "true, PASS"})
    void firstLine_http2Preface_isRefusedOnlyOnTheCleartextListener(boolean secure, LineVerdict verdict) {
        assertThat(RequestChecks.firstLine("PRI * HTTP/2.0", secure)).isEqualTo(verdict);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/secrets", "/v1/secrets/a%20b", "/%2F", "/caf%C3%A9", "/%E2%82%AC", "/%F0%9F%94%91",
            "/100%25"})
    void wellEncodedPath_validEscapes_true(String path) {
        assertThat(RequestChecks.wellEncodedPath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/secrets/%", "/v1/secrets/%zz", "/%2", "/%%32", "/%g0", "/%ff", "/%C3", "/%C3a",
            "/%80", "/%E2%82", "/%C3%C3", "/%C0%AF", "/%E0%80%AF", "/%ED%A0%80", "/%F4%90%80%80"})
    void wellEncodedPath_malformedEscapeOrNotUtf8_false(String path) {
        assertThat(RequestChecks.wellEncodedPath(path)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(value = {"'', true", "'  ', true", "example.com, false", "NULL, false"}, nullValues = "NULL")
    void emptyHost_onlyAPresentBlankValue(String host, boolean empty) {
        assertThat(RequestChecks.emptyHost(host)).isEqualTo(empty);
    }
}
