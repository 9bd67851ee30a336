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
}
