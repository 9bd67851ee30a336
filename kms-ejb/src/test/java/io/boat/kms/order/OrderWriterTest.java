package io.boat.kms.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The order writer's contract with OrderService: it returns only after the batch holding the order
 * was inserted, and every way the commit can fail reaches the caller as OrderNotStoredException,
 * which carries a client-safe message (and becomes a 500, never a 202). The executor runs the drain
 * task on the caller's thread, so each case is deterministic.
 */
class OrderWriterTest {

    private final List<List<OrderEntity>> inserted = new ArrayList<>();
    private RuntimeException failure;
    private boolean rejecting;
    private final OrderWriter writer = new OrderWriter() {
        @Override
        public void insert(List<OrderEntity> batch) {
            if (failure != null) {
                throw failure;
            }
            inserted.add(batch);
        }
    };

    OrderWriterTest() {
        writer.self = writer;
        writer.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("execute")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (rejecting) {
                        throw new RejectedExecutionException("executor shut down (simulated)");
                    }
                    ((Runnable) args[0]).run();
                    return null;
                });
        writer.open(1, Duration.ZERO);
    }

    private static OrderEntity order(String id) {
        OrderEntity o = new OrderEntity();
        o.id = id;
        return o;
    }

    @Test
    void persist_returnsAfterTheBatchHoldingTheOrderWasInserted() {
        OrderEntity o = order("o1");

        writer.persist(o);

        assertThat(inserted).singleElement().satisfies(b -> assertThat(b).containsExactly(o));
    }

    @Test
    void persist_insertFails_orderNotStoredWithAClientSafeMessage() {
        failure = new IllegalStateException("Unique index violation on BOAT_ORDER (simulated)");

        assertThatThrownBy(() -> writer.persist(order("o1"))).isInstanceOfSatisfying(OrderNotStoredException.class, e -> {
            assertThat(e.clientMessage()).isEqualTo("The order could not be stored; nothing was accepted.");
            assertThat(e).hasRootCauseMessage("Unique index violation on BOAT_ORDER (simulated)");
        });
        assertThat(inserted).isEmpty();
    }

    @Test
    void persist_executorRefusesTheDrain_orderNotStored() {
        rejecting = true;

        assertThatThrownBy(() -> writer.persist(order("o1"))).isInstanceOf(OrderNotStoredException.class)
                .hasRootCauseMessage("executor shut down (simulated)");
    }
}
