package io.boat.kms.web.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.InvalidRequestException;
import io.boat.kms.secret.NewSecret;
import io.boat.kms.secret.Payload;
import io.boat.kms.store.SecretKind;
import io.boat.kms.web.support.UnsupportedContentTypeException;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Parsing secret requests: the JSON create body and the two-step PUT body with its Content-Encoding. */
class SecretRequestsTest {

    private static NewSecret parse(String json) {
        return SecretRequests.parse(Json.createReader(new StringReader(json)).readObject());
    }

    @Test
    void parse_base64BinaryPayload_decodedWithCanonicalType() {
        NewSecret s = parse("{\"name\":\"k\",\"secret_type\":\"symmetric\",\"payload\":\"AAECAw==\","
                + "\"payload_content_type\":\"application/octet-stream\",\"payload_content_encoding\":\"base64\"}");

        assertThat(s.kind()).isEqualTo(SecretKind.SYMMETRIC);
        assertThat(s.contentType()).isEqualTo("application/octet-stream");
        assertThat(s.payload().bytes()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void parse_noSecretType_isOpaque() {
        assertThat(parse("{\"payload\":\"x\",\"payload_content_type\":\"text/plain\"}").kind()).isEqualTo(SecretKind.OPAQUE);
    }

    @Test
    void parse_binaryPayloadWithoutEncoding_invalidNamingTheField() {
        assertThatThrownBy(() -> parse("{\"payload\":\"AAEC\",\"payload_content_type\":\"application/octet-stream\"}"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("payload_content_encoding");
    }

    @Test
    void parse_base64WithGarbage_invalid() {
        assertThatThrownBy(() -> parse("{\"payload\":\"AA*C\",\"payload_content_type\":\"application/octet-stream\","
                + "\"payload_content_encoding\":\"base64\"}"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("invalid base64");
    }

    @Test
    void upload_rawBody_keptAsIs() {
        try (Payload p = SecretRequests.upload("text/plain; charset=utf-8", null, () -> bytes("hunter2"))) {
            assertThat(p.contentType()).isEqualTo("text/plain");
            assertThat(p.bytes().bytes()).isEqualTo(bytes("hunter2"));
        }
    }

    @Test
    void upload_base64ForBinary_decoded() {
        try (Payload p = SecretRequests.upload("application/octet-stream", " Base64 ", () -> bytes("AAECAw=="))) {
            assertThat(p.bytes().bytes()).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void upload_base64ForText_invalidContentEncoding() {
        assertThatThrownBy(() -> SecretRequests.upload("text/plain", "base64", () -> bytes("aGk=")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Content-Encoding");
    }

    @Test
    void upload_gzip_invalidContentEncoding() {
        assertThatThrownBy(() -> SecretRequests.upload("application/octet-stream", "gzip", () -> bytes("x")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Content-Encoding");
    }

    @Test
    void upload_emptyBody_noPayloadProvided() {
        assertThatThrownBy(() -> SecretRequests.upload("text/plain", null, () -> new byte[0]))
                .isInstanceOf(InvalidRequestException.class).hasMessage("No payload provided.");
    }

    @Test
    void upload_unsupportedType_refusedBeforeTheBodyIsRead() {
        AtomicBoolean read = new AtomicBoolean();

        assertThatThrownBy(() -> SecretRequests.upload("application/xml", null, () -> {
            read.set(true);
            return bytes("<x/>");
        })).isInstanceOf(UnsupportedContentTypeException.class);
        assertThat(read).isFalse();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
