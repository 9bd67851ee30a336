package io.boat.kms.identity;

import java.time.Instant;
import java.util.List;

/**
 * The verified content of a token. {@code auditIds} is Keystone's audit chain (this token's id, then
 * the id of the token it was re-scoped from); {@code system} marks a system-scoped token.
 */
public record TokenClaims(String issuer, String tokenId, String userId, String userName, String projectId,
                          String projectName, List<String> roles, List<String> methods, Instant issuedAt,
                          Instant expiresAt, List<String> auditIds, boolean system) {
    public TokenClaims {
        roles = List.copyOf(roles);
        methods = List.copyOf(methods);
        auditIds = List.copyOf(auditIds);
    }

    public boolean scoped() {
        return projectId != null;
    }
}
