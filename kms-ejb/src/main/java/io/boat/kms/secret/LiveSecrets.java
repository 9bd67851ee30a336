package io.boat.kms.secret;

import io.boat.kms.Ids;
import io.boat.kms.KmsException;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Finds secrets that exist and have not expired; anything else is a 404 with the caller's wording. */
@Dependent
public class LiveSecrets {

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    SecretEntity find(String id, String notFoundMessage) {
        SecretEntity e = Ids.isUuid(id) ? em.find(SecretEntity.class, id) : null;
        if (e == null || e.isExpired(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw KmsException.client(404, notFoundMessage);
        }
        return e;
    }
}
