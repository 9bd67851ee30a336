package io.boat.kms.secret;

import java.time.OffsetDateTime;

/** What clients may see of a secret (never its payload). */
public record SecretView(String id, String projectId, String creatorId, String name, String secretType,
                         String algorithm, Integer bitLength, String mode, OffsetDateTime expiration,
                         String contentType, String status, OffsetDateTime created, OffsetDateTime updated) {

    static SecretView of(SecretEntity e) {
        return new SecretView(e.id, e.projectId, e.creatorId, e.name, e.secretType, e.algorithm, e.bitLength,
                e.mode, e.expiration, e.contentType, e.status, e.created, e.updated);
    }
}
