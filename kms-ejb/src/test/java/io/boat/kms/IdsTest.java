package io.boat.kms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void timeOrderedIdsAreVersion7UuidsCarryingTheirMillisecond() {
        long millis = 0x0192_3456_789AL;
        UUID id = UUID.fromString(Ids.timeOrdered(millis, new SecureRandom()));
        assertEquals(7, id.version());
        assertEquals(2, id.variant()); // RFC 9562's variant, bits 10
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
        assertTrue(Ids.isUuid(id.toString()), "canonical lower-case form");
    }

    @Test
    void laterMillisecondsSortAfterEarlierOnesAsStrings() {
        SecureRandom random = new SecureRandom();
        String earlier = Ids.timeOrdered(1_764_500_000_000L, random);
        String later = Ids.timeOrdered(1_764_500_000_001L, random);
        // The database orders the key as a string: the hex time prefix must sort the same way.
        assertTrue(earlier.compareTo(later) < 0, earlier + " < " + later);
    }

    @Test
    void idsInTheSameMillisecondDifferInTheirRandomBits() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(Ids.timeOrdered(42L, random)));
        }
        String a = Ids.timeOrdered(42L, random);
        assertEquals(a.substring(0, 13), Ids.timeOrdered(42L, random).substring(0, 13));
        assertNotEquals(a, Ids.timeOrdered(42L, random));
    }

    @Test
    void onlyCanonicalUuidsAreIds() {
        assertTrue(Ids.isUuid(UUID.randomUUID().toString()));
        assertFalse(Ids.isUuid(UUID.randomUUID().toString().toUpperCase()));
        assertFalse(Ids.isUuid("not-a-uuid"));
        assertFalse(Ids.isUuid(null));
    }
}
