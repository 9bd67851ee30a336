package io.boat.attestation.client.tpm;

import static io.boat.attestation.client.tpm.TpmFixtures.bytes;
import static io.boat.attestation.client.tpm.TpmFixtures.modulus;
import static io.boat.attestation.client.tpm.TpmFixtures.publicArea;
import static io.boat.attestation.client.tpm.TpmFixtures.rsaArea;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TpmPublicTest {
    private static final int DECRYPT_KEY = ObjectAttributes.DECRYPT.mask() | ObjectAttributes.FIXED_TPM.mask();

    @ParameterizedTest
    @ValueSource(strings = {"bind", "pcrbind"})
    void name_ofTpm2ToolsKey_equalsNameTheTpmReported(String key) throws Exception {
        TpmPublic pub = TpmPublic.parseSized(bytes(key + ".pub"));

        assertThat(pub.name()).isEqualTo(bytes(key + ".name"));
        assertThat(pub.nameHex()).isEqualTo(HexFormat.of().formatHex(bytes(key + ".name"))).startsWith("000b");
    }

    @Test
    void parseSized_bindKey_readsRsaFields() throws Exception {
        TpmPublic pub = TpmPublic.parseSized(bytes("bind.pub"));

        assertThat(pub.keyBits()).isEqualTo(2048);
        assertThat(pub.nameAlg()).isEqualTo(TpmAlg.SHA256);
        assertThat(pub.scheme()).isEqualTo(TpmAlg.NULL);
        assertThat(pub.authPolicy()).isEmpty();
        assertThat(pub.rsaPublicKey().getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
        assertThat(pub.rsaPublicKey().getModulus().bitLength()).isEqualTo(2048);
        assertThat(pub.encoded()).isEqualTo(publicArea("bind.pub"));
        assertThat(TpmPublic.parse(publicArea("bind.pub"))).isEqualTo(pub);
    }

    @Test
    void parseAny_sizedOrBare_readsTheSameKey() throws Exception {
        TpmPublic sized = TpmPublic.parseAny(bytes("bind.pub"));

        assertThat(TpmPublic.parseAny(publicArea("bind.pub"))).isEqualTo(sized);
        assertThat(sized.encoded()).isEqualTo(publicArea("bind.pub"));
    }

    @Test
    void schemeHash_isReadForSigningSchemesAndZeroForRsaesAndNull() throws Exception {
        assertThat(TpmPublic.parse(rsaArea(DECRYPT_KEY, TpmAlg.RSASSA, 2048, modulus(256))).schemeHash())
            .isEqualTo(TpmAlg.SHA256);
        assertThat(TpmPublic.parse(rsaArea(DECRYPT_KEY, TpmAlg.RSAES, 2048, modulus(256))).schemeHash()).isZero();
        assertThat(TpmPublic.parse(rsaArea(DECRYPT_KEY, TpmAlg.NULL, 2048, modulus(256))).symmetricMode()).isZero();
    }

    @Test
    void sameKeyAs_isTrueOnlyForTheSameModulusAndExponent() throws Exception {
        TpmPublic bind = TpmPublic.parseSized(bytes("bind.pub"));
        TpmPublic other = TpmPublic.parseSized(bytes("pcrbind.pub"));

        assertThat(bind.sameKeyAs(bind.rsaPublicKey())).isTrue();
        assertThat(bind.sameKeyAs(other.rsaPublicKey())).isFalse();
    }

    @Test
    void violations_nameMissingRequiredThenPresentForbiddenAttributes() {
        long attrs = ObjectAttributes.SIGN.mask() | ObjectAttributes.FIXED_TPM.mask();

        assertThat(ObjectAttributes.violations(attrs, List.of(ObjectAttributes.FIXED_TPM, ObjectAttributes.DECRYPT),
            List.of(ObjectAttributes.SIGN, ObjectAttributes.RESTRICTED)))
            .containsExactly("decrypt is not set", "sign is set");
    }

    @Test
    void parse_everyTruncation_failsAsTruncated() {
        byte[] area = publicArea("pcrbind.pub");
        for (int len = 0; len < area.length; len++) {
            byte[] cut = Arrays.copyOf(area, len);
            assertThatThrownBy(() -> TpmPublic.parse(cut)).as("length %d", len)
                .isInstanceOf(TpmFormatException.class)
                .extracting(e -> ((TpmFormatException) e).problem()).isEqualTo(TpmFormatException.Problem.TRUNCATED);
        }
    }

    @Test
    void parse_trailingByte_failsAsTrailingBytes() {
        byte[] area = Arrays.copyOf(publicArea("bind.pub"), publicArea("bind.pub").length + 1);

        assertProblem(area, TpmFormatException.Problem.TRAILING_BYTES);
    }

    @Test
    void parseSized_outerSizeShorterThanContent_failsAsTrailingBytes() {
        byte[] sized = bytes("bind.pub");
        ByteBuffer.wrap(sized).putShort(0, (short) (sized.length - 3));

        assertThatThrownBy(() -> TpmPublic.parseSized(sized)).isInstanceOf(TpmFormatException.class)
            .extracting(e -> ((TpmFormatException) e).problem()).isEqualTo(TpmFormatException.Problem.TRAILING_BYTES);
    }

    @Test
    void parse_authPolicyLongerThanAnyDigest_failsAsOversizedBeforeReading() {
        byte[] area = publicArea("bind.pub");
        ByteBuffer.wrap(area).putShort(8, (short) 65);

        assertProblem(area, TpmFormatException.Problem.OVERSIZED);
    }

    @Test
    void parse_authPolicyNotNameAlgSize_failsAsInconsistent() {
        byte[] area = publicArea("pcrbind.pub");
        byte[] shorter = new byte[area.length - 12];
        System.arraycopy(area, 0, shorter, 0, 8);
        ByteBuffer.wrap(shorter).putShort(8, (short) 20);
        System.arraycopy(area, 10 + 32, shorter, 10 + 20, area.length - 42);

        assertProblem(shorter, TpmFormatException.Problem.INCONSISTENT);
    }

    @Test
    void parse_eccKey_failsAsUnsupported() {
        byte[] area = publicArea("bind.pub");
        ByteBuffer.wrap(area).putShort(0, (short) 0x0023);

        assertProblem(area, TpmFormatException.Problem.UNSUPPORTED);
    }

    @Test
    void parse_unknownNameAlg_failsAsUnsupported() {
        byte[] area = publicArea("bind.pub");
        ByteBuffer.wrap(area).putShort(2, (short) 0x0012);

        assertProblem(area, TpmFormatException.Problem.UNSUPPORTED);
    }

    @Test
    void parse_keyBitsDisagreeingWithModulus_failsAsInconsistent() {
        assertProblem(rsaArea(DECRYPT_KEY, TpmAlg.NULL, 2048, modulus(384)), TpmFormatException.Problem.INCONSISTENT);
    }

    @Test
    void parse_modulusLongerThan4096Bits_failsAsOversized() {
        assertProblem(rsaArea(DECRYPT_KEY, TpmAlg.NULL, 4104, modulus(513)), TpmFormatException.Problem.OVERSIZED);
    }

    @Test
    void parse_evenExponent_failsAsInconsistent() {
        byte[] area = rsaArea(DECRYPT_KEY, TpmAlg.NULL, 2048, modulus(256));
        ByteBuffer.wrap(area).putInt(area.length - 256 - 2 - 4, 65536);

        assertProblem(area, TpmFormatException.Problem.INCONSISTENT);
    }

    @Test
    void parse_publicAreaOver1024Bytes_failsAsOversized() {
        assertProblem(new byte[1025], TpmFormatException.Problem.OVERSIZED);
    }

    @Test
    void parse_syntheticKeyWithScheme_readsSchemeAndOwnName() throws Exception {
        byte[] area = rsaArea(DECRYPT_KEY, TpmAlg.OAEP, 3072, modulus(384));

        TpmPublic pub = TpmPublic.parse(area);

        assertThat(pub.scheme()).isEqualTo(TpmAlg.OAEP);
        assertThat(pub.keyBits()).isEqualTo(3072);
        assertThat(pub.name()).hasSize(34).startsWith((byte) 0x00, (byte) 0x0b);
    }

    @Test
    void parse_rsaesScheme_hasNoHashField() throws Exception {
        TpmPublic pub = TpmPublic.parse(rsaArea(DECRYPT_KEY, TpmAlg.RSAES, 2048, modulus(256)));

        assertThat(pub.scheme()).isEqualTo(TpmAlg.RSAES);
        assertThat(pub.keyBits()).isEqualTo(2048);
    }

    @Test
    void parse_unknownScheme_failsAsUnsupported() {
        assertProblem(rsaArea(DECRYPT_KEY, 0x0018, 2048, modulus(256)), TpmFormatException.Problem.UNSUPPORTED);
    }

    @Test
    void parse_xorSymmetricAlgorithm_failsAsUnsupported() {
        byte[] area = publicArea("bind.pub");
        ByteBuffer.wrap(area).putShort(10, (short) 0x000A);

        assertProblem(area, TpmFormatException.Problem.UNSUPPORTED);
    }

    private static void assertProblem(byte[] area, TpmFormatException.Problem problem) {
        assertThatThrownBy(() -> TpmPublic.parse(area)).isInstanceOf(TpmFormatException.class)
            .extracting(e -> ((TpmFormatException) e).problem()).isEqualTo(problem);
    }
}
