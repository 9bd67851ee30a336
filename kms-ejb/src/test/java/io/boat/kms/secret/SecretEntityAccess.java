package io.boat.kms.secret;

import io.boat.kms.testing.FakeEntities;

/** Reads a persisted secret's package-private fields for tests in other packages. */
public final class SecretEntityAccess {

    private SecretEntityAccess() {
    }

    public static String storeMeta(FakeEntities db, String secretId) {
        SecretEntity e = db.find(SecretEntity.class, secretId);
        return e == null ? null : e.storeMeta;
    }

    /** A stored secret row as the release path sees it: ids, owner, payload type and the attestation flag. */
    public static SecretEntity secret(String id, String projectId, String creatorId, boolean attestationRequired) {
        SecretEntity e = new SecretEntity();
        e.id = id;
        e.projectId = projectId;
        e.creatorId = creatorId;
        e.contentType = "application/octet-stream";
        e.secretType = "symmetric";
        e.status = "ACTIVE";
        e.attestationRequired = attestationRequired;
        return e;
    }
}
