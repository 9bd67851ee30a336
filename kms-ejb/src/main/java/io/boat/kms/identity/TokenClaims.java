package io.boat.kms.identity;

import java.time.Instant;
import java.util.List;

/** The verified content of a token. */
public record TokenClaims(String issuer, String tokenId, String userId, String userName, String projectId,
                          String projectName, List<String> roles, List<String> methods, Instant issuedAt,
                          Instant expiresAt) {
    public TokenClaims {
        roles = List.copyOf(roles);
        methods = List.copyOf(methods);
    }

    public boolean scoped() {
        return projectId != null;
    }
}
