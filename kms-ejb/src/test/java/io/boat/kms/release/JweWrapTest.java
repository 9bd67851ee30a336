package io.boat.kms.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.RSADecrypter;
import io.boat.kms.crypto.SecretBytes;
import org.junit.jupiter.api.Test;

class JweWrapTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void wrap_aesKey_decryptsWithNimbusAndTheBindPrivateKey() throws Exception {
        BindKeyTarget target = ReleaseKeys.target();

        JWEObject jwe = JWEObject.parse(JweWrap.wrap(SecretBytes.copyOf(KEY), target));
        jwe.decrypt(new RSADecrypter(ReleaseKeys.PAIR.getPrivate()));

        assertThat(jwe.getPayload().toBytes()).isEqualTo(KEY);
    }

    @Test
    void wrap_protectedHeader_namesAlgEncBindKeyAndReport() throws Exception {
        BindKeyTarget target = ReleaseKeys.target();

        JWEObject jwe = JWEObject.parse(JweWrap.wrap(SecretBytes.copyOf(KEY), target));

        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.RSA_OAEP_256);
        assertThat(jwe.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        assertThat(jwe.getHeader().getKeyID()).isEqualTo(target.nameHex()).hasSize(68).startsWith("000b");
        assertThat(jwe.getHeader().getCustomParam(JweWrap.REPORT_ID_HEADER)).isEqualTo("report-42");
        assertThat(jwe.getHeader().toJSONObject()).containsOnlyKeys("alg", "enc", "kid", JweWrap.REPORT_ID_HEADER);
    }

    @Test
    void wrap_parts_headerJsonAs96BitIvAnd128BitTagAsA256gcmRequires() throws Exception {
        BindKeyTarget target = ReleaseKeys.target();

        String[] parts = JweWrap.wrap(SecretBytes.copyOf(KEY), target).split("\\.", -1);

        assertThat(parts).hasSize(5);
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(parts[0]), java.nio.charset.StandardCharsets.UTF_8))
            .isEqualTo("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\"" + target.nameHex()
                + "\",\"boat_report_id\":\"report-42\"}");
        assertThat(java.util.Base64.getUrlDecoder().decode(parts[1])).hasSize(256);
        assertThat(java.util.Base64.getUrlDecoder().decode(parts[2])).hasSize(12);
        assertThat(java.util.Base64.getUrlDecoder().decode(parts[3])).hasSize(KEY.length);
        assertThat(java.util.Base64.getUrlDecoder().decode(parts[4])).hasSize(16);
        assertThat(String.join("", parts)).doesNotContain("=");
    }

    @Test
    void wrap_twice_usesFreshContentKeyAndIv() throws Exception {
        BindKeyTarget target = ReleaseKeys.target();

        String[] a = JweWrap.wrap(SecretBytes.copyOf(KEY), target).split("\\.");
        String[] b = JweWrap.wrap(SecretBytes.copyOf(KEY), target).split("\\.");

        assertThat(a[1]).isNotEqualTo(b[1]);
        assertThat(a[2]).isNotEqualTo(b[2]);
        assertThat(a[3]).isNotEqualTo(b[3]);
    }

    @Test
    void wrap_secretLargerThanOneRsaBlock_stillWraps() throws Exception {
        byte[] big = new byte[4096];
        java.util.Arrays.fill(big, (byte) 7);

        JWEObject jwe = JWEObject.parse(JweWrap.wrap(SecretBytes.copyOf(big), ReleaseKeys.target()));
        jwe.decrypt(new RSADecrypter(ReleaseKeys.PAIR.getPrivate()));

        assertThat(jwe.getPayload().toBytes()).isEqualTo(big);
    }

    @Test
    void wrap_headerTamperedWithAnotherReportId_failsToDecrypt() throws Exception {
        String[] parts = JweWrap.wrap(SecretBytes.copyOf(KEY), ReleaseKeys.target()).split("\\.");
        String header = new String(java.util.Base64.getUrlDecoder().decode(parts[0]), java.nio.charset.StandardCharsets.UTF_8);
        parts[0] = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
            header.replace("report-42", "report-43").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        JWEObject jwe = JWEObject.parse(String.join(".", parts));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jwe.decrypt(new RSADecrypter(ReleaseKeys.PAIR.getPrivate())))
            .isInstanceOf(com.nimbusds.jose.JOSEException.class);
    }
}
