package io.boat.kms.identity;

import io.boat.kms.InvalidRequestException;
import jakarta.persistence.EntityManager;
import java.text.Normalizer;
import java.util.Locale;

/**
 * User and project names as people read them: NFKC-normalised, without surrounding blanks, free
 * of control and invisible characters (NUL, zero-width space, bidi marks: Unicode category C),
 * and unique within the domain regardless of case. Otherwise {@code SP-A-CREATOR},
 * {@code sp-a-creator}, {@code sp-a-creator } and {@code sp-a-creator\u200B} are four users that look
 * like one.
 */
final class Names {

    private static final int MAX = 255;

    private Names() {
    }

    /** The name as stored, or an invalid request saying what is wrong with it. */
    static String normalize(String name) {
        if (name == null) {
            throw invalid("1 to " + MAX + " characters required");
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
        if (n.codePoints().anyMatch(Names::invisible)) {
            throw invalid("control and invisible characters are not allowed");
        }
        n = n.strip();
        if (n.isEmpty() || n.length() > MAX) {
            throw invalid("1 to " + MAX + " characters required");
        }
        return n;
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    /** True when a user or project (by entity) of that name, in any case, exists in the default domain. */
    static boolean taken(EntityManager em, Class<?> entity, String normalized) {
        return em.createQuery("SELECT COUNT(e) FROM " + entity.getSimpleName() + " e WHERE LOWER(e.name) = :n "
                        + "AND e.domainId = :d", Long.class)
                .setParameter("n", normalized.toLowerCase(Locale.ROOT)).setParameter("d", Identity.DEFAULT_DOMAIN_ID)
                .getSingleResult() > 0;
    }

    private static InvalidRequestException invalid(String why) {
        return new InvalidRequestException("Invalid name: " + why);
    }
}
