package io.boat.kms.secret;

import io.boat.kms.AlreadyExistsException;
import io.boat.kms.InvalidRequestException;
import io.boat.kms.PayloadTooLargeException;
import io.boat.kms.UnknownResourceException;
import io.boat.kms.KmsException;
import io.boat.kms.config.BoatConfig;
import io.boat.kms.crypto.SecretBytes;
import io.boat.kms.policy.Action;
import io.boat.kms.policy.Caller;
import io.boat.kms.policy.Policy;
import io.boat.kms.release.AttestedRelease;
import io.boat.kms.release.ReleaseRequest;
import io.boat.kms.store.KeySpec;
import io.boat.kms.store.SecretContext;
import io.boat.kms.store.SecretStore;
import io.boat.kms.store.routing.SecretStores;
import io.boat.kms.store.StoreMetadata;
import io.boat.kms.store.routing.StoreMetadataCodec;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Secrets: create (one or two steps), read metadata and payload, list, delete. Every call is
 * checked against the caller's project and roles before anything is read from a store. Reads
 * run without a JTA transaction (SUPPORTS): they change nothing, and GET payload is the path
 * that has to be fast.
 */
@Stateless
public class SecretService {

    static final String NOT_FOUND = "Not Found. Provided secret id is invalid.";
    static final String PAYLOAD_NOT_FOUND = "Secret not found.";

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    @Inject
    SecretStores stores;

    @Inject
    BoatConfig config;

    @Inject
    SecretQueries queries;

    @Inject
    SecretLookup live;

    public SecretView create(Caller caller, NewSecret request) {
        Policy.check(caller, Action.SECRET_CREATE);
        OffsetDateTime now = now();
        if (request.expiration() != null && !request.expiration().isAfter(now)) {
            throw new InvalidRequestException("Invalid date for 'expiration'");
        }
        SecretEntity e = new SecretEntity();
        e.id = SecretId.random().value();
        e.projectId = caller.projectId().value();
        e.creatorId = caller.userId();
        e.name = request.name();
        e.secretType = request.kind().wire();
        e.algorithm = request.algorithm();
        e.bitLength = request.bitLength();
        e.mode = request.mode();
        e.expiration = request.expiration();
        e.status = "ACTIVE";
        e.created = now;
        e.updated = now;
        if (request.payload() != null) {
            storePayload(e, request.payload(), request.contentType());
        }
        em.persist(e);
        return SecretView.of(e);
    }

    /** Adds the payload of a two-step secret; a secret's payload is written once. */
    public void putPayload(Caller caller, SecretId id, String contentType, SecretBytes payload) {
        SecretEntity e = find(id, NOT_FOUND);
        Policy.checkOwner(caller, Action.SECRET_PUT_PAYLOAD, e.projectId());
        if (e.hasPayload()) {
            throw new AlreadyExistsException("Secret already has data, cannot modify it.");
        }
        storePayload(e, payload, contentType);
        e.updated = now();
    }

    /**
     * Generates a key in the store for {@code context}, outside any transaction: a store (a KMIP
     * server) cannot take part in a rollback, so the caller records what comes back before it
     * relies on it, and destroys it with {@link #destroyGenerated} when it cannot.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public StoreMetadata generate(KeySpec spec, SecretContext context) {
        return stores.current().generateSymmetricKey(spec, context);
    }

    /** Destroys a key {@link #generate} made that no secret will ever refer to. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void destroyGenerated(StoreMetadata metadata, SecretContext context) {
        stores.forMetadata(metadata).delete(metadata, context);
    }

    /** Persists, under the order's project, the secret for a key {@link #generate} already made. */
    public void storeGenerated(String creatorId, GeneratedKey key, SecretContext context, StoreMetadata metadata) {
        OffsetDateTime now = now();
        SecretEntity e = new SecretEntity();
        e.id = context.secretId();
        e.projectId = context.projectId().value();
        e.creatorId = creatorId;
        e.name = key.name();
        e.secretType = "symmetric";
        e.algorithm = key.spec().algorithm();
        e.bitLength = key.spec().bitLength();
        e.mode = key.spec().mode();
        e.expiration = key.expiration();
        e.contentType = key.contentType();
        e.status = "ACTIVE";
        e.created = now;
        e.updated = now;
        e.storeName = metadata.storeName();
        e.storeMeta = StoreMetadataCodec.encode(metadata);
        em.persist(e);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SecretView get(Caller caller, SecretId id) {
        SecretEntity e = find(id, NOT_FOUND);
        Policy.checkOwner(caller, Action.SECRET_READ, e.projectId());
        return SecretView.of(e);
    }

    /**
     * The payload in the content type the client accepts; the caller closes the result. What
     * the client accepts is settled before the store is asked (a KMIP round trip for nothing).
     * {@link AttestedRelease} applies the secret's release policy around this method and, for a
     * {@code release} naming a host, answers with the payload wrapped to that host's TPM instead.
     */
    @AttestedRelease
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Payload payload(Caller caller, SecretId id, AcceptedTypes accepted, ReleaseRequest release) {
        SecretEntity e = find(id, PAYLOAD_NOT_FOUND);
        Policy.checkOwner(caller, Action.SECRET_DECRYPT, e.projectId());
        if (!e.hasPayload()) {
            throw new UnknownResourceException("Not Found. Sorry but your secret has no payload.");
        }
        String responseType = accepted.responseTypeFor(e.contentType).orElseThrow(
                () -> new UnacceptablePayloadTypeException("Secret payload retrieval issue seen - Wrong payload content-type."));
        StoreMetadata meta = StoreMetadataCodec.decode(e.storeMeta);
        SecretBytes bytes = stores.forMetadata(meta).get(meta, new SecretContext(e.id, e.projectId()));
        return new Payload(responseType, bytes);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<SecretView> list(Caller caller, SecretQuery query) {
        Policy.check(caller, Action.SECRETS_LIST);
        return queries.list(caller.projectId(), query, now());
    }

    public void delete(Caller caller, SecretId id) {
        SecretEntity e = find(id, NOT_FOUND);
        Policy.checkDelete(caller, e.projectId(), e.creatorId);
        if (e.storeMeta != null) {
            StoreMetadata meta = StoreMetadataCodec.decode(e.storeMeta);
            stores.forMetadata(meta).delete(meta, new SecretContext(e.id, e.projectId()));
        }
        em.createQuery("DELETE FROM SecretMetadatumEntity m WHERE m.secretId = :id").setParameter("id", e.id)
                .executeUpdate();
        em.createQuery("DELETE FROM ReleasePolicyEntity p WHERE p.id = :id").setParameter("id", e.id)
                .executeUpdate();
        em.remove(e);
    }

    private SecretEntity find(SecretId id, String message) {
        return live.find(id, message);
    }

    private void storePayload(SecretEntity e, SecretBytes payload, String contentType) {
        if (payload.length() == 0) {
            throw new InvalidRequestException("Provided object does not match schema 'Secret': payload must not be empty");
        }
        if (payload.length() > config.maxSecretBytes()) {
            throw new PayloadTooLargeException("Could not add secret data as it was too large");
        }
        SecretStore store = stores.current();
        StoreMetadata meta = store.store(payload, io.boat.kms.store.SecretKind.fromWire(e.secretType).orElseThrow(),
                new SecretContext(e.id, e.projectId()));
        e.storeName = meta.storeName();
        e.storeMeta = StoreMetadataCodec.encode(meta);
        e.contentType = contentType;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
