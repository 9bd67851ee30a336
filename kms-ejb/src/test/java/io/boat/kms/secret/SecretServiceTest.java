package io.boat.kms.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.AlreadyExistsException;
import io.boat.kms.InvalidRequestException;
import io.boat.kms.NotPermittedException;
import io.boat.kms.PayloadTooLargeException;
import io.boat.kms.UnknownResourceException;
import io.boat.kms.crypto.SecretBytes;
import io.boat.kms.project.ProjectId;
import io.boat.kms.release.ReleaseRequest;
import io.boat.kms.policy.Caller;
import io.boat.kms.store.SecretKind;
import io.boat.kms.testing.FakeEntities;
import io.boat.kms.testing.InMemoryStore;
import io.boat.kms.testing.Services;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SecretService over an in-memory database and store: who may do what, and what reaches the store. */
class SecretServiceTest {

    private static final Caller OWNER = new Caller("u1", "owner", new ProjectId("p1"), Set.of("creator"));
    private static final Caller OTHER_PROJECT = new Caller("u2", "other", new ProjectId("p2"), Set.of("admin"));
    private static final Caller AUDITOR = new Caller("u3", "auditor", new ProjectId("p1"), Set.of("audit"));
    private static final byte[] KEY = new byte[] {1, 2, 3, 4, 5, 6, 7, 8};
    private static final AcceptedTypes ANY = stored -> Optional.of(stored);

    private final FakeEntities db = new FakeEntities();
    private final InMemoryStore store = new InMemoryStore();
    private final SecretService service = Services.secretService(db, store);

    private static NewSecret binary(byte[] payload, OffsetDateTime expiration) {
        return new NewSecret("k", SecretKind.SYMMETRIC, "aes", 64, null, expiration,
                payload == null ? null : SecretBytes.copyOf(payload), payload == null ? null : "application/octet-stream");
    }

    @Test
    void create_thenPayload_sameBytesUnderTheStoredType() {
        SecretId id = new SecretId(service.create(OWNER, binary(KEY, null)).id());

        try (Payload p = service.payload(OWNER, id, ANY, ReleaseRequest.PLAIN)) {
            assertThat(p.contentType()).isEqualTo("application/octet-stream");
            assertThat(p.bytes().bytes()).isEqualTo(KEY);
        }
        assertThat(store.live()).hasSize(1);
    }

    @Test
    void create_expirationInThePast_invalidAndNothingStored() {
        OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);

        assertThatThrownBy(() -> service.create(OWNER, binary(KEY, past)))
                .isInstanceOf(InvalidRequestException.class).hasMessage("Invalid date for 'expiration'");
        assertThat(store.createdCount()).isZero();
    }

    @Test
    void create_payloadLargerThanTheLimit_tooLargeAndNothingStored() {
        assertThatThrownBy(() -> service.create(OWNER, binary(new byte[10001], null)))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThat(store.createdCount()).isZero();
    }

    @Test
    void create_byAnAuditor_notPermitted() {
        assertThatThrownBy(() -> service.create(AUDITOR, binary(KEY, null))).isInstanceOf(NotPermittedException.class);
        assertThat(store.createdCount()).isZero();
    }

    @Test
    void putPayload_onTwoStepSecret_storedOnce_secondTimeAlreadyExists() {
        SecretId id = new SecretId(service.create(OWNER, binary(null, null)).id());

        service.putPayload(OWNER, id, "text/plain", SecretBytes.copyOf("hunter2".getBytes()));

        assertThatThrownBy(() -> service.putPayload(OWNER, id, "text/plain", SecretBytes.copyOf("other".getBytes())))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(store.createdCount()).isEqualTo(1);
    }

    @Test
    void payload_fromAnotherProject_notPermittedAndTheStoreIsNotRead() {
        SecretId id = new SecretId(service.create(OWNER, binary(KEY, null)).id());

        assertThatThrownBy(() -> service.payload(OTHER_PROJECT, id, ANY, ReleaseRequest.PLAIN)).isInstanceOf(NotPermittedException.class);
        assertThat(store.reads()).isZero();
    }

    @Test
    void payload_secretWithoutPayload_unknownWithBarbicanWording() {
        SecretId id = new SecretId(service.create(OWNER, binary(null, null)).id());

        assertThatThrownBy(() -> service.payload(OWNER, id, ANY, ReleaseRequest.PLAIN)).isInstanceOfSatisfying(UnknownResourceException.class,
                e -> assertThat(e.clientMessage()).isEqualTo("Not Found. Sorry but your secret has no payload."));
    }

    @Test
    void payload_unknownOrMalformedId_unknownSecret() {
        assertThatThrownBy(() -> service.payload(OWNER, SecretId.random(), ANY, ReleaseRequest.PLAIN))
                .isInstanceOf(UnknownSecretException.class);
        assertThatThrownBy(() -> service.payload(OWNER, new SecretId("../../etc/passwd"), ANY, ReleaseRequest.PLAIN))
                .isInstanceOf(UnknownSecretException.class);
    }

    @Test
    void get_expiredSecret_unknown() {
        SecretId id = new SecretId(service.create(OWNER, binary(KEY, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1))).id());
        db.find(SecretEntity.class, id.value()).expiration = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);

        assertThatThrownBy(() -> service.get(OWNER, id)).isInstanceOf(UnknownSecretException.class);
    }
}
