package io.boat.kms.secret;

import io.boat.kms.Ids;
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

    SecretEntity find(String id, String notFoundMessage) {
        SecretEntity e = Ids.isUuid(id) ? em.find(SecretEntity.class, id) : null;
        if (e == null || e.isExpired(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw new UnknownSecretException(notFoundMessage);
        }
        return e;
    }
}
