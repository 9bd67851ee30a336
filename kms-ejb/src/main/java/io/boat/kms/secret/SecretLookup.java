package io.boat.kms.secret;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Finds secrets that exist and have not expired; anything else is unknown, in the caller's wording.
 *
 * <p>The attested-release interceptor reads a secret's row before the payload method does; it
 * {@linkplain #pin pins} that row for the duration of the call so the method reuses it instead of
 * asking the database a second time (a payload read stays one round trip).
 */
@Dependent
public class SecretLookup {

    private static final ThreadLocal<SecretEntity> PINNED = new ThreadLocal<>();

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    public SecretEntity find(SecretId id, String notFoundMessage) {
        SecretEntity pinned = PINNED.get();
        SecretEntity e = pinned != null && pinned.id.equals(id.value()) ? pinned
                : id.isWellFormed() ? em.find(SecretEntity.class, id.value()) : null;
        if (e == null || e.isExpired(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw new UnknownSecretException(notFoundMessage);
        }
        return e;
    }

    /** Makes {@link #find} on this thread answer with {@code row} until the returned handle is closed. */
    public static Pin pin(SecretEntity row) {
        PINNED.set(row);
        return PINNED::remove;
    }

    /** The scope of a pinned row. */
    @FunctionalInterface
    public interface Pin extends AutoCloseable {
        @Override
        void close();
    }
}
