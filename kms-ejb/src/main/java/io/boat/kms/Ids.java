package io.boat.kms;

import java.security.SecureRandom;
import java.util.UUID;

/** Resource identifiers: BOAT's secrets and orders are named by canonical lower-case UUIDs. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /**
     * A version 7 UUID (RFC 9562): the Unix time in milliseconds, then 74 random bits. For rows that
     * are only ever appended and never named by a client (audit records): a random key puts each new
     * row in a different page of the primary key's B-tree, and H2 rewrites every page a commit touches,
     * so time-ordered keys keep a commit to the rightmost page or two. Not for secrets or orders,
     * whose ids clients see: those stay random (version 4, as Barbican's), revealing nothing.
     */
    public static String timeOrdered() {
        return timeOrdered(System.currentTimeMillis(), RANDOM);
    }

    static String timeOrdered(long unixMillis, SecureRandom random) {
        byte[] r = new byte[10];
        random.nextBytes(r);
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (r[0] & 0x0FL) << 8 | (r[1] & 0xFFL);
        long low = 0x8000_0000_0000_0000L | (r[2] & 0x3FL) << 56;
        for (int i = 3; i < 10; i++) {
            low |= (r[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low).toString();
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
