package io.boat.kms.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.kms.policy.Caller;
import io.boat.kms.project.ProjectId;
import io.boat.kms.secret.SecretEntityAccess;
import io.boat.kms.testing.FakeEntities;
import io.boat.kms.testing.InMemoryStore;
import io.boat.kms.testing.Services;
import jakarta.persistence.OptimisticLockException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Order processing against an in-memory database whose transactions roll back, and a store that
 * counts the keys it makes: an order ends with exactly one key in the store, whatever fails.
 */
class OrderProcessorTest {

    private final FakeEntities db = new FakeEntities();
    private final InMemoryStore store = new InMemoryStore();
    private final Processor processor = new Processor();

    /** The processor with each REQUIRES_NEW step in its own (fake) transaction, as the container runs it. */
    class Processor extends OrderProcessor {
        int failingCompletions;
        RuntimeException completionFailure;
        int failingRecords;

        Processor() {
            em = db.entityManager();
            secrets = Services.secretService(db, store);
            config = Services.config();
            self = this;
        }

        @Override
        public void complete(String orderId) {
            db.inTransaction(() -> {
                super.complete(orderId);
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
}
