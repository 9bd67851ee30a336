package io.boat.kms.secret;

import io.boat.kms.AlreadyExistsException;
import io.boat.kms.InvalidRequestException;
import io.boat.kms.UnknownResourceException;
import io.boat.kms.KmsException;
import io.boat.kms.policy.Action;
import io.boat.kms.policy.Caller;
import io.boat.kms.policy.Policy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * User metadata of a secret: free key/value pairs a client attaches (Barbican's
 * {@code /v1/secrets/{id}/metadata}). Keys are lower-cased as Barbican does.
 */
@Stateless
public class SecretMetadataService {

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    @Inject
    SecretLookup secrets;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, String> all(Caller caller, SecretId secretId) {
        SecretEntity s = secrets.find(secretId, SecretService.NOT_FOUND);
        Policy.checkOwner(caller, Action.SECRET_META_READ, s.projectId());
        Map<String, String> result = new TreeMap<>();
        rows(s.id).forEach(m -> result.put(m.key, m.value));
        return result;
    }

    /** Replaces all metadata with {@code metadata}. */
    public void replace(Caller caller, SecretId secretId, Map<String, String> metadata) {
        SecretEntity s = secrets.find(secretId, SecretService.NOT_FOUND);
        Policy.checkOwner(caller, Action.SECRET_META_WRITE, s.projectId());
        Map<String, String> normalised = new TreeMap<>();
        metadata.forEach((k, v) -> {
            String key = MetadataKeys.normalise(k);
            if (normalised.put(key, checkValue(v)) != null) {
                throw new InvalidRequestException("Duplicate metadata key '" + key + "'");
            }
        });
        em.createQuery("DELETE FROM SecretMetadatumEntity m WHERE m.secretId = :id").setParameter("id", s.id)
                .executeUpdate();
        normalised.forEach((k, v) -> insert(s.id, k, v));
    }

    /** Adds one key; 409 if it exists. Returns the normalised key. */
    public String add(Caller caller, SecretId secretId, String key, String value) {
        SecretEntity s = secrets.find(secretId, SecretService.NOT_FOUND);
        Policy.checkOwner(caller, Action.SECRET_META_WRITE, s.projectId());
        String k = MetadataKeys.normalise(key);
        if (row(s.id, k).isPresent()) {
            throw new AlreadyExistsException("Conflict. Key in request is already in secret metadata");
        }
        insert(s.id, k, checkValue(value));
        return k;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String get(Caller caller, SecretId secretId, String key) {
        SecretEntity s = secrets.find(secretId, SecretService.NOT_FOUND);
        Policy.checkOwner(caller, Action.SECRET_META_READ, s.projectId());
        return row(s.id, MetadataKeys.normalise(key)).map(m -> m.value).orElseThrow(this::keyNotFound);
    }

    /** Updates an existing key; the key in the body must match the path's. */
    public void update(Caller caller, SecretId secretId, String key, String value) {
        SecretEntity s = secrets.find(secretId, SecretService.NOT_FOUND);
        Policy.checkOwner(caller, Action.SECRET_META_WRITE, s.projectId());
        SecretMetadatumEntity m = row(s.id, MetadataKeys.normalise(key)).orElseThrow(this::keyNotFound);
        m.value = checkValue(value);
    }

    public void delete(Caller caller, SecretId secretId, String key) {
        SecretEntity s = secrets.find(secretId, SecretService.NOT_FOUND);
        Policy.checkOwner(caller, Action.SECRET_META_WRITE, s.projectId());
        em.remove(row(s.id, MetadataKeys.normalise(key)).orElseThrow(this::keyNotFound));
    }

    private String checkValue(String value) {
        if (value == null || value.length() > MetadataKeys.MAX_LENGTH) {
            throw new InvalidRequestException("Invalid metadata value: at most " + MetadataKeys.MAX_LENGTH + " characters");
        }
        return value;
    }

    private KmsException keyNotFound() {
        return new UnknownResourceException("Not Found. Metadata key not found.");
    }

    private java.util.List<SecretMetadatumEntity> rows(String secretId) {
        return em.createQuery("SELECT m FROM SecretMetadatumEntity m WHERE m.secretId = :id",
                SecretMetadatumEntity.class).setParameter("id", secretId).getResultList();
    }

    private Optional<SecretMetadatumEntity> row(String secretId, String key) {
        return em.createQuery("SELECT m FROM SecretMetadatumEntity m WHERE m.secretId = :id AND m.key = :k",
                SecretMetadatumEntity.class).setParameter("id", secretId).setParameter("k", key)
                .getResultStream().findFirst();
    }

    private void insert(String secretId, String key, String value) {
        SecretMetadatumEntity m = new SecretMetadatumEntity();
        m.id = UUID.randomUUID().toString();
        m.secretId = secretId;
        m.key = key;
        m.value = value;
        em.persist(m);
    }
}
