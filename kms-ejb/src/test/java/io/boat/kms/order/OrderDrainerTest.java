package io.boat.kms.order;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The drain task: one at a time, batches bounded and free of duplicates, restarted for an order
 * queued after it finished. The executor here only collects tasks, so the test decides when each runs.
 */
class OrderDrainerTest {

    private final List<Runnable> tasks = new ArrayList<>();
    private final List<List<String>> batches = new ArrayList<>();
    private final OrderDrainer drainer = new OrderDrainer();
    private long now = 1_000_000_000L;

    OrderDrainerTest() {
        drainer.clock = () -> now;
        drainer.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("execute")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    tasks.add((Runnable) args[0]);
                    return null;
                });
        drainer.processor = new OrderProcessor() {
            @Override
            public void processBatch(List<String> orderIds) {
                batches.add(orderIds);
            }
        };
    }

    @Test
    void add_whileADrainIsPending_startsNoSecondTaskAndTheTaskTakesEverythingQueued() {
        drainer.add("a");
        drainer.add("b");
        drainer.add("a");

        assertThat(tasks).hasSize(1);
        tasks.remove(0).run();

        assertThat(batches).containsExactly(List.of("a", "b"));
    }

    @Test
    void drain_moreThanOneBatchQueued_splitsIntoBoundedBatches() {
        IntStream.range(0, OrderDrainer.MAX_BATCH + 1).forEach(i -> drainer.add("o" + i));

        tasks.remove(0).run();

        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).hasSize(OrderDrainer.MAX_BATCH);
        assertThat(batches.get(1)).containsExactly("o" + OrderDrainer.MAX_BATCH);
    }

    @Test
    void add_afterTheDrainFinished_startsANewTask() {
        drainer.add("a");
        tasks.remove(0).run();

        drainer.add("b");

        assertThat(tasks).hasSize(1);
        tasks.remove(0).run();
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void drain_batchFails_goesOnWithTheNextBatch() {
        drainer.processor = new OrderProcessor() {
            @Override
            public void processBatch(List<String> orderIds) {
                batches.add(orderIds);
                if (batches.size() == 1) {
                    throw new IllegalStateException("database gone (simulated)");
                }
            }
        };
        IntStream.range(0, OrderDrainer.MAX_BATCH + 1).forEach(i -> drainer.add("o" + i));

        tasks.remove(0).run();

        assertThat(batches).hasSize(2);
        drainer.add("late");
        assertThat(tasks).hasSize(1);
    }

    @Test
    void restartIfStalled_ordersQueuedAndTheDrainNeverRan_startsAnotherThatTakesThem() {
        drainer.add("a");
        tasks.remove(0); // dropped: the container never runs it
        drainer.add("b");
        assertThat(tasks).as("the flag still admits only the lost drain").isEmpty();

        now += Duration.ofSeconds(31).toNanos();
        drainer.restartIfStalled(Duration.ofSeconds(30));

        assertThat(tasks).hasSize(1);
        tasks.remove(0).run();
        assertThat(batches).containsExactly(List.of("a", "b"));
        drainer.add("c");
        assertThat(tasks).as("the new drain ended normally: the next order starts one").hasSize(1);
    }

    @Test
    void restartIfStalled_drainStartedRecentlyOrNothingQueued_startsNothing() {
        drainer.add("a");
        now += Duration.ofSeconds(29).toNanos();
        drainer.restartIfStalled(Duration.ofSeconds(30));
        assertThat(tasks).as("started 29 s ago").hasSize(1);

        tasks.remove(0).run();
        now += Duration.ofSeconds(60).toNanos();
        drainer.restartIfStalled(Duration.ofSeconds(30));
        assertThat(tasks).as("idle with nothing queued").isEmpty();
    }
}
