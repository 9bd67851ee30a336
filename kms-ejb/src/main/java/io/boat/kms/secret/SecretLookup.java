package io.boat.kms.secret;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Finds secrets that exist and have not expired; anything else is unknown, in the caller's wording. */
@Dependent
public class SecretLookup {

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    SecretEntity find(SecretId id, String notFoundMessage) {
        SecretEntity e = id.isWellFormed() ? em.find(SecretEntity.class, id.value()) : null;
        if (e == null || e.isExpired(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw new UnknownSecretException(notFoundMessage);
        }
        return e;
    }
}
