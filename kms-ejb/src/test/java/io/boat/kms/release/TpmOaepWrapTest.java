package io.boat.kms.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.crypto.SecretBytes;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;

class TpmOaepWrapTest {
    private static byte[] jceUnwrap(byte[] blob, byte[] label) throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
        c.init(Cipher.DECRYPT_MODE, ReleaseKeys.PAIR.getPrivate(),
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, new PSource.PSpecified(label)));
        return c.doFinal(blob);
    }

    @Test
    void wrap_aes256Key_unwrapsWithJceOaepSha256AndLabelTpm2Nul() throws Exception {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 0x5a);

        byte[] blob = TpmOaepWrap.wrap(SecretBytes.copyOf(key), ReleaseKeys.target());

        assertThat(blob).hasSize(256);
        assertThat(jceUnwrap(blob, new byte[] {'T', 'P', 'M', '2', 0})).isEqualTo(key);
    }

    @Test
    void wrap_unwrapWithLabelMissingItsNul_fails() throws Exception {
        byte[] blob = TpmOaepWrap.wrap(SecretBytes.copyOf(new byte[32]), ReleaseKeys.target());

        assertThatThrownBy(() -> jceUnwrap(blob, new byte[] {'T', 'P', 'M', '2'})).isInstanceOf(BadPaddingException.class);
        assertThatThrownBy(() -> jceUnwrap(blob, new byte[0])).isInstanceOf(BadPaddingException.class);
    }

    @Test
    void wrap_secretOfExactlyOneBlock_wraps() throws Exception {
        BindKeyTarget target = ReleaseKeys.target();
        byte[] largest = new byte[TpmOaepWrap.maxSecretBytes(target)];

        assertThat(TpmOaepWrap.maxSecretBytes(target)).isEqualTo(256 - 64 - 2);
        assertThat(jceUnwrap(TpmOaepWrap.wrap(SecretBytes.copyOf(largest), target), new byte[] {'T', 'P', 'M', '2', 0}))
            .isEqualTo(largest);
    }

    @Test
    void wrap_secretOneByteOverOneBlock_failsWithDomainReasonAndNoKeyMaterialInMessage() throws Exception {
        BindKeyTarget target = ReleaseKeys.target();
        byte[] tooBig = new byte[TpmOaepWrap.maxSecretBytes(target) + 1];
        Arrays.fill(tooBig, (byte) 0x41);

        assertThatThrownBy(() -> TpmOaepWrap.wrap(SecretBytes.copyOf(tooBig), target))
            .isInstanceOf(ReleaseException.class)
            .hasMessage("secret of 191 bytes exceeds the 190 bytes one OAEP block of this bind key holds")
            .extracting(e -> ((ReleaseException) e).reason())
            .isEqualTo(ReleaseException.Reason.SECRET_TOO_LARGE_FOR_RAW_WRAP);
    }

    @Test
    void maxSecretBytes_rsa3072_is318() throws Exception {
        RSAPublicKey pub = (RSAPublicKey) ReleaseKeys.generate(3072).getPublic();

        assertThat(TpmOaepWrap.maxSecretBytes(new BindKeyTarget(pub, ReleaseKeys.name(pub), "r"))).isEqualTo(384 - 66);
    }
}
