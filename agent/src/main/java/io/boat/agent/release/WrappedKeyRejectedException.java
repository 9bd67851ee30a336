package io.boat.agent.release;

import java.util.Locale;

/**
 * BOAT's answer cannot be the key released to this host: not a JWE we accept, addressed to another
 * bind key, or altered on the way. Messages name header values and sizes, never key material.
 */
public class WrappedKeyRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why; rendered in snake case as the command's error code. */
    public enum Reason {
        /** Not five base64url parts, a header that is not a JSON object, or parts of impossible sizes. */
        MALFORMED,
        /** An alg, enc or header parameter other than what the release contract names. */
        UNSUPPORTED,
        /** The JWE's kid is not this host's bind key: it was wrapped for some other TPM. */
        KID_MISMATCH,
        /** AES-GCM authentication failed: the header, IV, ciphertext or tag was changed. */
        INTEGRITY
    }

    private final Reason reason;

    public WrappedKeyRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return reason.name().toLowerCase(Locale.ROOT);
    }
}
