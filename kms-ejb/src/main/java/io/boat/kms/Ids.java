package io.boat.kms;

import java.util.UUID;

/** Resource identifiers: BOAT's secrets and orders are named by canonical lower-case UUIDs. */
public final class Ids {

    private Ids() {
    }

    /** Whether {@code id} is a canonical UUID; anything else can never name a resource (404). */
    public static boolean isUuid(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
