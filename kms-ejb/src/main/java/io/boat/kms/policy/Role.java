package io.boat.kms.policy;

import java.util.Locale;
import java.util.Optional;

/** Barbican's roles, as in its legacy default policy. */
public enum Role {
    ADMIN, CREATOR, OBSERVER, AUDIT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String value) {
        for (Role r : values()) {
            if (r.wire().equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
