package io.boat.attestation.service.tpm;

import io.boat.attestation.client.tpm.TpmAlg;
import io.boat.attestation.client.tpm.TpmFormatException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** KDFa (TPM 2.0 Part 1, 11.4.10.2): SP 800-108 counter-mode KDF with HMAC. */
public final class Kdfa {
    private Kdfa() {
    }

    /**
     * Derives {@code bits} bits. {@code label} is given without its terminating zero, which is added
     * here as the TPM does.
     */
    public static byte[] derive(int hashAlg, byte[] key, String label, byte[] contextU, byte[] contextV, int bits)
            throws TpmFormatException {
        String macName = "Hmac" + TpmAlg.digestName(hashAlg).replace("-", "");
        try {
            Mac mac = Mac.getInstance(macName);
            mac.init(new SecretKeySpec(key, macName));
            int bytes = (bits + 7) / 8;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int counter = 1; out.size() < bytes; counter++) {
                mac.update(ByteBuffer.allocate(4).putInt(counter).array());
                mac.update(label.getBytes(StandardCharsets.US_ASCII));
                mac.update((byte) 0);
                mac.update(contextU);
                mac.update(contextV);
                mac.update(ByteBuffer.allocate(4).putInt(bits).array());
                out.writeBytes(mac.doFinal());
            }
            byte[] all = out.toByteArray();
            byte[] result = new byte[bytes];
            System.arraycopy(all, 0, result, 0, bytes);
            java.util.Arrays.fill(all, (byte) 0);
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
