package io.boat.kmip.api;

import java.util.Optional;

/**
 * Cryptographic Algorithm enumeration, KMIP 1.4 §9.1.3.2.13 (those BOAT uses), with the usage
 * mask (§9.1.3.3.1) a key of that algorithm is created with.
 */
public enum KeyAlgorithm {
    TRIPLE_DES(0x02, 0x04 | 0x08),
    AES(0x03, 0x04 | 0x08),
    HMAC_SHA1(0x07, 0x80 | 0x100),
    HMAC_SHA256(0x09, 0x80 | 0x100),
    HMAC_SHA512(0x0B, 0x80 | 0x100);

    private final int code;
    private final int usageMask;

    KeyAlgorithm(int code, int usageMask) {
        this.code = code;
        this.usageMask = usageMask;
    }

    public int code() {
        return code;
    }

    /** Encrypt|Decrypt for ciphers, MAC Generate|MAC Verify for HMACs. */
    public int usageMask() {
        return usageMask;
    }

    public static Optional<KeyAlgorithm> fromCode(int code) {
        for (KeyAlgorithm a : values()) {
            if (a.code == code) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
