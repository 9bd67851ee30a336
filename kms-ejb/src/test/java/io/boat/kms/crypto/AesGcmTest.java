package io.boat.kms.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    private final SecretKeySpec key = new SecretKeySpec(Rng.bytes(32), "AES");
    private final byte[] aad = "secret-1|project-1".getBytes(StandardCharsets.UTF_8);

    @Test
    void encryptThenDecrypt_sameKeyAndAad_returnsPlaintext() {
        byte[] blob = AesGcm.encrypt(key, "key material".getBytes(StandardCharsets.UTF_8), aad);
        assertThat(AesGcm.decrypt(key, blob, aad)).asString(StandardCharsets.UTF_8).isEqualTo("key material");
    }

    @Test
    void encrypt_twice_usesFreshNonces() {
        byte[] p = new byte[32];
        assertThat(AesGcm.encrypt(key, p, aad)).isNotEqualTo(AesGcm.encrypt(key, p, aad));
    }

    @Test
    void decrypt_otherAssociatedData_fails() {
        byte[] blob = AesGcm.encrypt(key, new byte[32], aad);
        assertThatThrownBy(() -> AesGcm.decrypt(key, blob, "secret-2|project-1".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CryptoException.class).hasMessageContaining("authentication failed");
    }

    @Test
    void decrypt_flippedBitOrTruncated_fails() {
        byte[] blob = AesGcm.encrypt(key, new byte[32], aad);
        byte[] flipped = blob.clone();
        flipped[20] ^= 1;
        assertThatThrownBy(() -> AesGcm.decrypt(key, flipped, aad)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> AesGcm.decrypt(key, new byte[10], aad))
                .isInstanceOf(CryptoException.class).hasMessageContaining("too short");
    }

    @Test
    void decrypt_otherKey_fails() {
        byte[] blob = AesGcm.encrypt(key, new byte[32], aad);
        assertThatThrownBy(() -> AesGcm.decrypt(new SecretKeySpec(Rng.bytes(32), "AES"), blob, aad))
                .isInstanceOf(CryptoException.class);
    }
}
