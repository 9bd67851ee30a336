package io.boat.kms.secret;

import io.boat.kms.Ids;
import java.util.Objects;
import java.util.UUID;

/**
 * A secret's id as a client names it, from the URL through the services to the lookup. Any
 * text is accepted (Barbican answers an id that cannot exist with its own 404 wording, not a
 * 400), and {@link #isWellFormed()} says whether it could name a secret at all.
 */
public record SecretId(String value) {

    public SecretId {
        Objects.requireNonNull(value, "value");
    }

    /** A fresh id for a new secret. */
    public static SecretId random() {
        return new SecretId(UUID.randomUUID().toString());
    }

    /** Whether this is a canonical UUID, the only form BOAT's secret ids take. */
    public boolean isWellFormed() {
        return Ids.isUuid(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
