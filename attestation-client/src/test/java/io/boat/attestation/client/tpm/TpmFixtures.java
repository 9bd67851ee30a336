package io.boat.attestation.client.tpm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the tpm2-tools fixtures next to this class and builds synthetic public areas for negative cases. */
final class TpmFixtures {
    /** Offset of objectAttributes inside a TPMT_PUBLIC (after type and nameAlg). */
    static final int ATTRIBUTES_OFFSET = 4;

    private TpmFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = TpmFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.US_ASCII).strip();
    }

    /** The TPMT_PUBLIC inside a fixture's TPM2B_PUBLIC. */
    static byte[] publicArea(String name) {
        byte[] sized = bytes(name);
        return Arrays.copyOfRange(sized, 2, sized.length);
    }

    /** {@code area} with objectAttributes replaced. */
    static byte[] withAttributes(byte[] area, int attributes) {
        byte[] copy = area.clone();
        ByteBuffer.wrap(copy).putInt(ATTRIBUTES_OFFSET, attributes);
        return copy;
    }

    static int attributesOf(byte[] area) {
        return ByteBuffer.wrap(area).getInt(ATTRIBUTES_OFFSET);
    }

    /** An RSA TPMT_PUBLIC with SHA-256 nameAlg, no policy, NULL symmetric, the given scheme and modulus. */
    static byte[] rsaArea(int attributes, int scheme, int keyBits, byte[] modulus) {
        ByteBuffer b = ByteBuffer.allocate(64 + modulus.length);
        b.putShort((short) TpmAlg.RSA).putShort((short) TpmAlg.SHA256).putInt(attributes).putShort((short) 0);
        b.putShort((short) TpmAlg.NULL).putShort((short) scheme);
        if (scheme != TpmAlg.NULL && scheme != TpmAlg.RSAES) {
            b.putShort((short) TpmAlg.SHA256);
        }
        b.putShort((short) keyBits).putInt(0).putShort((short) modulus.length).put(modulus);
        return Arrays.copyOf(b.array(), b.position());
    }

    /** A modulus-shaped value (top bit set) of {@code bytes} bytes. */
    static byte[] modulus(int bytes) {
        byte[] m = new byte[bytes];
        Arrays.fill(m, (byte) 0xA5);
        m[0] = (byte) 0xC1;
        return m;
    }
}
