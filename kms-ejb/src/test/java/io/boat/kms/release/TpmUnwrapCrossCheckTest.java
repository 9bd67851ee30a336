package io.boat.kms.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.crypto.SecretBytes;
import io.boat.testing.Swtpm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both release formats are unwrapped by a real TPM (swtpm) holding a bind key that tpm2-tools
 * created, never by BOAT's code: the raw block with tpm2_rsadecrypt -s oaep -l, the JWE's content
 * key with tpm2_rsadecrypt and an empty label, then its content with the JDK's AES-GCM.
 * Fails when swtpm/tpm2-tools are not installed (CI installs them).
 */
class TpmUnwrapCrossCheckTest {
    private static Swtpm tpm;
    private static BindKeyTarget target;

    @BeforeAll
    static void startTpm() throws Exception {
        tpm = Swtpm.withBindKeys();
        String pem = Files.readString(tpm.file("bind.pem")).replaceAll("-----[A-Z ]+-----|\\s", "");
        RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        target = new BindKeyTarget(pub, tpm.read("bind.name"), "report-7");
    }

    @AfterAll
    static void stopTpm() throws Exception {
        if (tpm != null) {
            tpm.close();
        }
    }

    @Test
    void rawWrap_unwrapsInTheTpmWithLabelTpm2() throws Exception {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 0x3c);

        byte[] blob = TpmOaepWrap.wrap(SecretBytes.copyOf(key), target);

        assertThat(tpm.rsaDecrypt("bind", blob, "TPM2".getBytes(StandardCharsets.US_ASCII))).isEqualTo(key);
    }

    @Test
    void rawWrap_unwrappedWithEmptyLabel_isRefusedByTheTpm() throws Exception {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 0x11);
        byte[] blob = TpmOaepWrap.wrap(SecretBytes.copyOf(key), target);

        assertThatThrownBy(() -> tpm.rsaDecrypt("bind", blob, null)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("tpm2_rsadecrypt");
        assertThat(tpm.rsaDecrypt("bind", blob, "TPM2".getBytes(StandardCharsets.US_ASCII))).isEqualTo(key);
    }

    @Test
    void jwe_contentKeyUnwrapsInTheTpmWithEmptyLabel_andContentDecryptsWithJdk() throws Exception {
        byte[] key = "a 32-byte AES key for a VM image".getBytes(StandardCharsets.US_ASCII);

        String[] parts = JweWrap.wrap(SecretBytes.copyOf(key), target).split("\\.");
        byte[] cek = tpm.rsaDecrypt("bind", Base64.getUrlDecoder().decode(parts[1]), null);

        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"),
            new GCMParameterSpec(128, Base64.getUrlDecoder().decode(parts[2])));
        gcm.updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII));
        gcm.update(Base64.getUrlDecoder().decode(parts[3]));
        assertThat(cek).hasSize(32);
        assertThat(gcm.doFinal(Base64.getUrlDecoder().decode(parts[4]))).isEqualTo(key);
    }

    @Test
    void jwe_kidIsTheNameTheTpmReported() throws Exception {
        String header = new String(Base64.getUrlDecoder().decode(
            JweWrap.wrap(SecretBytes.copyOf(new byte[16]), target).split("\\.")[0]), StandardCharsets.UTF_8);

        assertThat(header).contains("\"kid\":\"" + java.util.HexFormat.of().formatHex(tpm.read("bind.name")) + "\"");
    }
}
