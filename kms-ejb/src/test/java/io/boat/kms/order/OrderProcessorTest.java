package io.boat.kms.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.policy.Caller;
import io.boat.kms.project.ProjectId;
import io.boat.kms.secret.SecretEntityAccess;
import io.boat.kms.testing.FakeEntities;
import io.boat.kms.testing.InMemoryStore;
import io.boat.kms.testing.Services;
import io.boat.kms.crypto.Rng;
import io.boat.kms.crypto.SecretBytes;
import io.boat.kms.secret.SecretEntity;
import io.boat.kms.store.SecretContext;
import io.boat.kms.store.SecretStore;
import io.boat.kms.store.db.DatabaseSecretStore;
import io.boat.kms.store.routing.StoreMetadataCodec;
import jakarta.persistence.OptimisticLockException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Order processing against an in-memory database whose transactions roll back. With a store that
 * counts the keys it makes (KMIP's part): an order ends with exactly one key in the store,
 * whatever fails. With the database store: a batch is generated and completed in one
 * transaction, and a batch that fails leaves nothing but PENDING orders behind.
 */
class OrderProcessorTest {

    private final FakeEntities db = new FakeEntities();
    private final InMemoryStore store = new InMemoryStore();
    private final Processor processor = new Processor(store);
    private final SecretKey projectKek = new SecretKeySpec(Rng.bytes(32), "AES");
    private final DatabaseSecretStore databaseStore = new DatabaseSecretStore(project -> projectKek);
    private final Processor inPlace = new Processor(databaseStore);

    /** The processor with each REQUIRES_NEW step in its own (fake) transaction, as the container runs it. */
    class Processor extends OrderProcessor {
        int failingCompletions;
        RuntimeException completionFailure;
        int failingRecords;
        /** An order whose completion fails at commit, in a batch or alone. */
        String poison;
        /** Thrown at the commit of the next batch (a crash: an Error), then cleared. */
        Error batchCrash;
        int transactions;

        Processor(SecretStore store) {
            em = db.entityManager();
            secrets = Services.secretService(db, store);
            config = Services.config();
            stores = Services.stores(store);
            self = this;
        }

        @Override
        public void completeInPlace(List<String> orderIds) {
            transactions++;
            db.inTransaction(() -> {
                super.completeInPlace(orderIds);
                if (batchCrash != null) {
                    Error crash = batchCrash;
                    batchCrash = null;
                    throw crash;
                }
                if (poison != null && orderIds.contains(poison)) {
                    throw new IllegalStateException("value too long for column (simulated at commit)");
                }
            });
        }

        @Override
        public void complete(String orderId) {
            transactions++;
            db.inTransaction(() -> {
                super.complete(orderId);
                if (orderId.equals(poison)) {
                    throw new IllegalStateException("value too long for column (simulated at commit)");
                }
                if (failingCompletions > 0) {
                    failingCompletions--;
                    throw new OptimisticLockException("row changed by another writer (simulated at commit)");
                }
                if (completionFailure != null) {
                    throw completionFailure;
                }
            });
        }

        @Override
        public boolean record(String orderId, GeneratedKeyRef key) {
            transactions++;
            return db.inTransaction(() -> {
                boolean recorded = super.record(orderId, key);
                if (failingRecords > 0) {
                    failingRecords--;
                    throw new IllegalStateException("database connection lost (simulated at commit)");
                }
                return recorded;
            });
        }

        @Override
        public Attempt beginAttempt(String orderId) {
            transactions++;
            return db.inTransaction(() -> super.beginAttempt(orderId));
        }
    }

    private String pendingOrder() {
        OrderEntity o = new OrderEntity();
        o.id = UUID.randomUUID().toString();
        o.projectId = "p1";
        o.creatorId = "u1";
        o.type = "key";
        o.metaJson = "{\"algorithm\":\"aes\",\"bit_length\":256}";
        o.algorithm = "aes";
        o.bitLength = 256;
        o.status = OrderStatus.PENDING.name();
        o.created = OffsetDateTime.now(ZoneOffset.UTC);
        o.updated = o.created;
        db.put(o);
        return o.id;
    }

    @Test
    void process_completionRolledBackOnceByOptimisticLock_orderMakesExactlyOneKey() {
        String id = pendingOrder();
        processor.failingCompletions = 1;

        processor.process(id);

        OrderEntity o = db.find(OrderEntity.class, id);
        assertThat(o.status).isEqualTo("ACTIVE");
        assertThat(store.createdCount()).isEqualTo(1);
        assertThat(store.live()).hasSize(1);
        assertThat(SecretEntityAccess.storeMeta(db, o.secretId)).contains("\"id\":\"" + store.live().get(0) + "\"");
    }

    @Test
    void process_recordingTheKeyFails_keyDestroyedAndTheNextAttemptMakesTheOnlyKey() {
        String id = pendingOrder();
        processor.failingRecords = 1;

        processor.process(id);

        assertThat(db.find(OrderEntity.class, id).status).isEqualTo("PENDING");
        assertThat(store.live()).isEmpty();

        processor.process(id);

        OrderEntity o = db.find(OrderEntity.class, id);
        assertThat(o.status).isEqualTo("ACTIVE");
        assertThat(store.live()).hasSize(1);
        assertThat(SecretEntityAccess.storeMeta(db, o.secretId)).contains("\"id\":\"" + store.live().get(0) + "\"");
    }

    @Test
    void process_completionKeepsFailing_everyAttemptReusesTheRecordedKeyAndErrorDestroysIt() {
        String id = pendingOrder();
        processor.completionFailure = new IllegalStateException("database full (simulated)");

        processor.process(id);
        processor.process(id);
        assertThat(db.find(OrderEntity.class, id).status).isEqualTo("PENDING");
        assertThat(store.createdCount()).isEqualTo(1);
        assertThat(store.live()).hasSize(1);

        processor.process(id);

        OrderEntity o = db.find(OrderEntity.class, id);
        assertThat(o.status).isEqualTo("ERROR");
        assertThat(o.errorStatusCode).isEqualTo(500);
        assertThat(o.errorReason).isEqualTo("Key generation failed.");
        assertThat(store.createdCount()).isEqualTo(1);
        assertThat(store.live()).isEmpty();
    }

    @Test
    void process_storeUnreachable_staysPendingWithNothingInTheStore() {
        String id = pendingOrder();
        store.goDown();

        processor.process(id);

        OrderEntity o = db.find(OrderEntity.class, id);
        assertThat(o.status).isEqualTo("PENDING");
        assertThat(o.attempts).isEqualTo(1);
        assertThat(store.createdCount()).isZero();
    }

    @Test
    void process_orderAlreadyActive_makesNoKey() {
        String id = pendingOrder();
        processor.process(id);

        processor.process(id);

        assertThat(store.createdCount()).isEqualTo(1);
        assertThat(db.find(OrderEntity.class, id).attempts).isEqualTo(1);
    }

    @Test
    void deletePendingOrder_withARecordedKey_destroysTheKey() {
        String id = pendingOrder();
        processor.completionFailure = new IllegalStateException("database full (simulated)");
        processor.process(id);
        assertThat(store.live()).hasSize(1);
        OrderService orders = new OrderService();
        orders.em = db.entityManager();
        orders.secrets = processor.secrets;

        orders.delete(new Caller("u1", "owner", new ProjectId("p1"), Set.of("admin")), id);

        assertThat(db.find(OrderEntity.class, id)).isNull();
        assertThat(store.live()).isEmpty();
    }

    @Test
    void submit_storeWhoseKeysLiveOnlyInMetadata_queuesForTheBatchDrainer() {
        List<String> queued = new ArrayList<>();
        inPlace.drainer = new OrderDrainer() {
            @Override
            public void add(String orderId) {
                queued.add(orderId);
            }
        };

        inPlace.submit("order-1");

        assertThat(queued).containsExactly("order-1");
    }

    @Test
    void processBatch_databaseStore_completesTheWholeBatchInOneTransaction() {
        List<String> ids = List.of(pendingOrder(), pendingOrder(), pendingOrder());

        inPlace.processBatch(ids);

        assertThat(inPlace.transactions).isEqualTo(1);
        for (String id : ids) {
            OrderEntity o = db.find(OrderEntity.class, id);
            assertThat(o.status).isEqualTo("ACTIVE");
            assertThat(o.attempts).isEqualTo(1);
            assertThat(o.generatedStoreMeta).isNull();
            assertThat(payload(o)).hasSize(32);
        }
        assertThat(db.all(SecretEntity.class)).hasSize(3);
    }

    @Test
    void processBatch_crashBeforeCommit_leavesEveryOrderPendingWithAttemptsUnchangedAndNoSecret() {
        List<String> ids = List.of(pendingOrder(), pendingOrder());
        inPlace.batchCrash = new OutOfMemoryError("process dies before the commit (simulated)");

        assertThatThrownBy(() -> inPlace.processBatch(ids))
                .isInstanceOf(OutOfMemoryError.class);

        for (String id : ids) {
            OrderEntity o = db.find(OrderEntity.class, id);
            assertThat(o.status).isEqualTo("PENDING");
            assertThat(o.attempts).isZero();
            assertThat(o.generatedStoreMeta).isNull();
        }
        assertThat(db.all(SecretEntity.class)).isEmpty();

        inPlace.processBatch(ids);

        assertThat(ids).allSatisfy(id -> assertThat(db.find(OrderEntity.class, id).status).isEqualTo("ACTIVE"));
        assertThat(db.all(SecretEntity.class)).hasSize(2);
    }

    @Test
    void processBatch_oneOrderFailsAtCommit_theOthersCompleteOneByOneAndItStaysPendingForRetry() {
        String good1 = pendingOrder();
        String bad = pendingOrder();
        String good2 = pendingOrder();
        inPlace.poison = bad;

        inPlace.processBatch(List.of(good1, bad, good2));

        for (String id : List.of(good1, good2)) {
            OrderEntity o = db.find(OrderEntity.class, id);
            assertThat(o.status).isEqualTo("ACTIVE");
            assertThat(o.attempts).isEqualTo(1);
            assertThat(payload(o)).hasSize(32);
        }
        OrderEntity o = db.find(OrderEntity.class, bad);
        assertThat(o.status).isEqualTo("PENDING");
        assertThat(o.attempts).isEqualTo(1);
        assertThat(db.all(SecretEntity.class)).hasSize(2);
    }

    @Test
    void processBatch_orderFailingEveryAttempt_endsInErrorWithAReason() {
        String bad = pendingOrder();
        inPlace.poison = bad;

        for (int i = 0; i < Services.config().orderMaxAttempts() + 1; i++) {
            inPlace.processBatch(List.of(bad));
        }

        OrderEntity o = db.find(OrderEntity.class, bad);
        assertThat(o.status).isEqualTo("ERROR");
        assertThat(o.errorStatusCode).isEqualTo(500);
        assertThat(o.errorReason).isEqualTo("Key generation failed.");
        assertThat(o.generatedStoreMeta).isNull();
        assertThat(db.all(SecretEntity.class)).isEmpty();
    }

    @Test
    void completeInPlace_orderAlreadyOutOfAttempts_failsItWithoutMakingAKey() {
        String id = pendingOrder();
        db.find(OrderEntity.class, id).attempts = Services.config().orderMaxAttempts();

        inPlace.processBatch(List.of(id));

        OrderEntity o = db.find(OrderEntity.class, id);
        assertThat(o.status).isEqualTo("ERROR");
        assertThat(o.errorReason).isEqualTo("Order processing did not complete after 3 attempts.");
        assertThat(db.all(SecretEntity.class)).isEmpty();
    }

    @Test
    void processBatch_orderAlreadyActiveOrQueuedTwice_makesOneSecret() {
        String id = pendingOrder();

        inPlace.processBatch(List.of(id));
        inPlace.processBatch(List.of(id));

        assertThat(db.find(OrderEntity.class, id).attempts).isEqualTo(1);
        assertThat(db.all(SecretEntity.class)).hasSize(1);
    }

    /** The order's secret decrypted by the database store: proves the row and its ciphertext belong together. */
    private byte[] payload(OrderEntity o) {
        try (SecretBytes key = databaseStore.get(StoreMetadataCodec.decode(SecretEntityAccess.storeMeta(db, o.secretId)),
                new SecretContext(o.secretId, new ProjectId(o.projectId)))) {
            return key.bytes();
        }
    }
}
