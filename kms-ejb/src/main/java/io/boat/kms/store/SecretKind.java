package io.boat.kms.store;

import java.util.Locale;
import java.util.Optional;

/** Barbican's {@code secret_type} values. The store maps them to its own object types. */
public enum SecretKind {
    SYMMETRIC, PUBLIC, PRIVATE, PASSPHRASE, CERTIFICATE, OPAQUE;

    /** The wire value, lower case as Barbican writes it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SecretKind> fromWire(String value) {
        for (SecretKind k : values()) {
            if (k.wire().equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
