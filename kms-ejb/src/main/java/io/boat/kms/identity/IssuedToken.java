package io.boat.kms.identity;

import java.time.Instant;

/** A token just signed, with the times it carries, so no caller recomputes its lifetime. */
public record IssuedToken(String token, Instant issuedAt, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[redacted, issued " + issuedAt + ", expires " + expiresAt + "]";
    }
}
