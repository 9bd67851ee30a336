package io.boat.agent.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.agent.release.WrappedKeyRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing and header checks of {@link CompactJwe}: everything refused before the TPM is asked to decrypt. */
class CompactJweTest {
    private static final String KID = "000b" + "12".repeat(32);
    private static final String IV = b64(new byte[12]);
    private static final String TAG = b64(new byte[16]);

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String jwe(String headerJson) {
        return b64(headerJson.getBytes(StandardCharsets.UTF_8)) + "." + b64(new byte[256]) + "." + IV + "." + b64(new byte[32])
            + "." + TAG;
    }

    private static String header(String extra) {
        return "{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\"" + KID + "\"" + extra + "}";
    }

    private static void assertRejected(String compact, Reason reason, String message) {
        assertThatThrownBy(() -> CompactJwe.parse(compact)).isInstanceOfSatisfying(WrappedKeyRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void parse_releaseHeader_exposesKidReportIdAndEncryptedKey() {
        CompactJwe jwe = CompactJwe.parse(jwe(header(",\"boat_report_id\":\"r-9\"")));
        assertThat(jwe.kid()).isEqualTo(KID);
        assertThat(jwe.reportId()).isEqualTo("r-9");
        assertThat(jwe.encryptedKey()).hasSize(256);
    }

    @Test
    void parse_upperCaseKid_comparedCaseInsensitively() {
        CompactJwe jwe = CompactJwe.parse(jwe(header("").replace(KID, KID.toUpperCase())));
        jwe.requireKid(KID);
        assertThat(jwe.kid()).isEqualTo(KID);
    }

    @Test
    void parse_fourParts_refusedAsMalformed() {
        String compact = jwe(header(""));
        assertRejected(compact.substring(0, compact.lastIndexOf('.')), Reason.MALFORMED, "4 dot-separated parts");
    }

    @Test
    void parse_headerNotJson_refusedAsMalformed() {
        assertRejected(jwe("not json"), Reason.MALFORMED, "protected header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA-OAEP", "RSA1_5", "dir", "none"})
    void parse_otherAlg_refusedAsUnsupported(String alg) {
        assertRejected(jwe(header("").replace("RSA-OAEP-256", alg)), Reason.UNSUPPORTED, "alg is \"" + alg + "\"");
    }

    @Test
    void parse_otherEnc_refusedAsUnsupported() {
        assertRejected(jwe(header("").replace("A256GCM", "A128CBC-HS256")), Reason.UNSUPPORTED, "enc is \"A128CBC-HS256\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"zip\":\"DEF\"", ",\"crit\":[\"exp\"]", ",\"jku\":\"https://example.invalid/keys\""})
    void parse_unknownHeaderParameter_refusedAsUnsupported(String extra) {
        assertRejected(jwe(header(extra)), Reason.UNSUPPORTED, "is not part of the release format");
    }

    @Test
    void parse_noKid_refusedAsMalformed() {
        assertRejected(jwe("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}"), Reason.MALFORMED, "no kid");
    }

    @Test
    void parse_shortIv_refusedAsMalformed() {
        assertRejected(jwe(header("")).replace("." + IV + ".", "." + b64(new byte[8]) + "."), Reason.MALFORMED, "IV 8");
    }

    @Test
    void parse_partNotBase64url_refusedAsMalformed() {
        String compact = jwe(header(""));
        assertRejected(compact.substring(0, compact.lastIndexOf('.')) + ".@@@@", Reason.MALFORMED, "tag is not base64url");
    }

    @Test
    void decrypt_contentKeyOfWrongSize_refusedAsMalformed() {
        CompactJwe jwe = CompactJwe.parse(jwe(header("")));
        assertThatThrownBy(() -> jwe.decrypt(new byte[16])).isInstanceOfSatisfying(WrappedKeyRejectedException.class,
            e -> assertThat(e.getMessage()).contains("content key is 16 bytes"));
    }

    @Test
    void decrypt_wrongContentKey_refusedAsIntegrity() {
        CompactJwe jwe = CompactJwe.parse(jwe(header("")));
        assertThatThrownBy(() -> jwe.decrypt(new byte[32])).isInstanceOfSatisfying(WrappedKeyRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INTEGRITY));
    }
}
