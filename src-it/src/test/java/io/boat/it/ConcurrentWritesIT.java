package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Concurrent writes to one secret (issue 10): of many requests racing for the same metadata key
 * or the same two-step payload, one wins and every loser gets 409, never 500.
 */
class ConcurrentWritesIT {

    private static final int RACERS = 16;

    /** Runs {@code request} RACERS times at once, released together; returns the statuses. */
    private static List<Integer> race(IntFunction<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameMetadataKeyAtOnce_oneCreated_restConflict() throws Exception {
        Api creator = SharedServer.tenant("creator").as("creator");
        String ref = creator.postJson("/v1/secrets", "{\"name\":\"race\"}").json().getString("secret_ref");
        List<Integer> statuses = race(n -> creator.postJson(ref + "/metadata",
                "{\"key\":\"k\",\"value\":\"v" + n + "\"}").status());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    }

    @Test
    void twoStepPayloadPutsAtOnce_oneStored_restConflict() throws Exception {
        Api creator = SharedServer.tenant("creator").as("creator");
        String ref = creator.postJson("/v1/secrets", "{\"name\":\"race\"}").json().getString("secret_ref");
        List<Integer> statuses = race(n -> creator.send("PUT", ref, ("payload-" + n).getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/plain").status());
        assertThat(statuses).containsOnly(204, 409);
        assertThat(statuses).filteredOn(s -> s == 204).hasSize(1);
        assertThat(creator.get(ref + "/payload", "Accept", "text/plain").text()).startsWith("payload-");
    }
}
