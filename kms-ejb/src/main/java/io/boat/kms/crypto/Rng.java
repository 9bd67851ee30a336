package io.boat.kms.crypto;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The one source of randomness for keys, salts, nonces and identifiers. */
public final class Rng {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Rng() {
    }

    public static SecureRandom get() {
        return RANDOM;
    }

    public static byte[] bytes(int count) {
        byte[] b = new byte[count];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A random 128-bit identifier in lower-case hex, Keystone's id format. */
    public static String hexId() {
        return HexFormat.of().formatHex(bytes(16));
    }
}
