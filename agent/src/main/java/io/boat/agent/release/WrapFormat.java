package io.boat.agent.release;

import java.util.Locale;

/** The two release formats BOAT offers, chosen by the request's {@code Accept}. */
public enum WrapFormat {
    /** Compact JWE, RSA-OAEP-256 (empty OAEP label) + A256GCM; any secret size; bound to the bind key's name. */
    JWE("application/jose"),
    /** One RSA-OAEP-SHA256 block with label "TPM2\0" (Intel SecL's format); at most 190 bytes. */
    RAW("application/octet-stream");

    private final String mediaType;

    WrapFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Parses {@code jwe} or {@code raw}, any case. */
    public static WrapFormat parse(String s) {
        for (WrapFormat f : values()) {
            if (f.name().equalsIgnoreCase(s == null ? "" : s.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("Invalid format '" + s + "'; expected jwe or raw");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
