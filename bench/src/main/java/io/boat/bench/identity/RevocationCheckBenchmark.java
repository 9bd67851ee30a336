package io.boat.bench.identity;

import io.boat.kms.identity.TokenClaims;
import io.boat.kms.identity.revocation.RevocationEvent;
import io.boat.kms.identity.revocation.RevocationList;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the revocation check adds to every request: one look-up of a live (not revoked) token in
 * the in-memory index holding {@code events} revocations of every kind. The database is read once
 * per refresh interval per node, not per request, so it is not part of this cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RevocationCheckBenchmark {

    @Param({"0", "10000"})
    int events;

    private RevocationList list;
    private TokenClaims live;

    @Setup
    public void setUp() {
        Instant now = Instant.now();
        list = new RevocationList();
        for (int i = 0; i < events; i++) {
            String id = UUID.randomUUID().toString();
            switch (i % 4) {
                case 0 -> list.add(new RevocationEvent(id, "audit-" + i, null, null, now));
                case 1 -> list.add(new RevocationEvent(id, null, "user-" + i, null, now));
                case 2 -> list.add(new RevocationEvent(id, null, null, "project-" + i, now));
                default -> list.add(new RevocationEvent(id, null, "user-" + i, "project-" + i, now));
            }
        }
        live = new TokenClaims("boat", "audit-live", "user-live", "alice", "project-live", "p", List.of("creator"),
                List.of("password"), now.plusSeconds(1), now.plusSeconds(3600), List.of("audit-live", "audit-parent"),
                false);
    }

    @Benchmark
    public boolean checkLiveToken() {
        return list.isRevoked(live);
    }
}
