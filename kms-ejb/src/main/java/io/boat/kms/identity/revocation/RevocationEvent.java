package io.boat.kms.identity.revocation;

import java.time.Instant;

/**
 * One revocation, as Keystone records it: every token matching the non-null fields and issued at
 * or before {@code revokedAt} is dead. An audit id matches a token whose audit chain contains it
 * (the token itself and every token re-scoped from it); a user id alone matches all the user's
 * tokens; a project id alone all tokens scoped to the project; both, the user's tokens in it.
 */
public record RevocationEvent(String id, String auditId, String userId, String projectId, Instant revokedAt) {

    public RevocationEvent {
        if (auditId == null && userId == null && projectId == null) {
            throw new IllegalArgumentException("a revocation names an audit id, a user or a project");
        }
    }
}
