package io.boat.kms.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.InvalidRequestException;
import io.boat.kms.NotPermittedException;
import io.boat.kms.policy.Caller;
import io.boat.kms.project.ProjectId;
import io.boat.kms.store.KeySpec;
import io.boat.kms.testing.FakeEntities;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Accepting, reading and deleting orders; processing is handed over, never started, by the service. */
class OrderServiceTest {

    private static final Caller OWNER = new Caller("u1", "owner", new ProjectId("p1"), Set.of("creator"));
    private static final Caller OTHER_PROJECT = new Caller("u2", "other", new ProjectId("p2"), Set.of("admin"));

    private final FakeEntities db = new FakeEntities();
    private final List<String> announced = new ArrayList<>();
    private final OrderService orders = new OrderService();
    private boolean handOverFails;

    OrderServiceTest() {
        orders.em = db.entityManager();
        orders.writer = new OrderWriter() {
            @Override
            public void persist(OrderEntity order) {
                db.entityManager().persist(order);
            }
        };
        orders.processor = new OrderProcessor() {
            @Override
            public void submit(String orderId) {
                assertThat(db.find(OrderEntity.class, orderId)).as("persisted before it is handed over").isNotNull();
                announced.add(orderId);
                if (handOverFails) {
                    throw new IllegalStateException("executor shut down (simulated)");
                }
            }
        };
    }

    private static NewKeyOrder aes256(OffsetDateTime expiration) {
        return new NewKeyOrder("{\"algorithm\":\"aes\",\"bit_length\":256}", "k", new KeySpec("aes", 256, null),
                expiration, "application/octet-stream");
    }

    @Test
    void create_persistsPendingAndAnnouncesIt() {
        OrderView view = orders.create(OWNER, aes256(null));

        assertThat(view.status()).isEqualTo("PENDING");
        OrderEntity row = db.find(OrderEntity.class, view.id());
        assertThat(row.projectId).isEqualTo("p1");
        assertThat(row.creatorId).isEqualTo("u1");
        assertThat(announced).containsExactly(view.id());
    }

    @Test
    void create_handOverFails_stillAcceptedAndStoredForRecovery() {
        handOverFails = true;

        OrderView view = orders.create(OWNER, aes256(null));

        assertThat(view.status()).isEqualTo("PENDING");
        assertThat(db.find(OrderEntity.class, view.id()).status).isEqualTo("PENDING");
        assertThat(announced).containsExactly(view.id());
    }

    @Test
    void create_expirationInThePast_invalidNothingPersistedNothingAnnounced() {
        OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);

        assertThatThrownBy(() -> orders.create(OWNER, aes256(past))).isInstanceOf(InvalidRequestException.class);
        assertThat(db.all(OrderEntity.class)).isEmpty();
        assertThat(announced).isEmpty();
    }

    @Test
    void get_fromAnotherProject_notPermitted() {
        String id = orders.create(OWNER, aes256(null)).id();

        assertThatThrownBy(() -> orders.get(OTHER_PROJECT, id)).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void get_unknownOrMalformedId_unknownOrderWithBarbicanWording() {
        assertThatThrownBy(() -> orders.get(OWNER, UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(UnknownOrderException.class,
                        e -> assertThat(e.clientMessage()).isEqualTo("Not Found. Sorry but your order is in another castle."));
        assertThatThrownBy(() -> orders.get(OWNER, "x")).isInstanceOf(UnknownOrderException.class);
    }
}
