package io.boat.kmip.api;

import java.util.Optional;

/** Object Type enumeration, KMIP 1.4 §9.1.3.2.12 (the managed-object types BOAT handles, plus the rest by code). */
public enum ObjectKind {
    CERTIFICATE(0x01), SYMMETRIC_KEY(0x02), PUBLIC_KEY(0x03), PRIVATE_KEY(0x04), SPLIT_KEY(0x05),
    TEMPLATE(0x06), SECRET_DATA(0x07), OPAQUE_OBJECT(0x08), PGP_KEY(0x09), CERTIFICATE_REQUEST(0x0A);

    private final int code;

    ObjectKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<ObjectKind> fromCode(int code) {
        for (ObjectKind k : values()) {
            if (k.code == code) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
