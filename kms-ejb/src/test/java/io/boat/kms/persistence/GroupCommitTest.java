package io.boat.kms.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit: callers that queue while nothing drains share one batch, batches are bounded,
 * a failed commit fails every caller of its batch, and a commit that never finishes fails its caller
 * after the timeout. The drain executor only collects tasks, so the test decides when each runs; the
 * callers run on their own threads because each waits for its commit.
 */
class GroupCommitTest {

    private static final Duration LONG = Duration.ofMinutes(1);

    private final List<Runnable> tasks = new CopyOnWriteArrayList<>();
    private final List<List<String>> committed = new CopyOnWriteArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        callers.shutdownNow();
        assertThat(callers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    private GroupCommit<String> groupCommit(int maxBatch, Duration timeout) {
        return new GroupCommit<>("test", tasks::add, batch -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            committed.add(batch);
        }, maxBatch, timeout);
    }

    private List<CompletableFuture<Void>> submit(GroupCommit<String> commits, String... records) {
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (String r : records) {
            calls.add(CompletableFuture.runAsync(() -> commits.commit(r), callers));
        }
        // A caller queues its record before it hands the drain task over: wait for both, or the test
        // may look for the task in the gap between them.
        while (commits.queued() < records.length || tasks.isEmpty()) {
            Thread.onSpinWait();
        }
        return calls;
    }

    @Test
    void commit_callersQueuedWhileNoneDrains_oneBatchOneTaskAndEveryCallerReturns() {
        GroupCommit<String> commits = groupCommit(64, LONG);
        List<CompletableFuture<Void>> calls = submit(commits, "a", "b", "c");

        assertThat(tasks).hasSize(1);
        assertThat(calls).noneMatch(CompletableFuture::isDone);
        tasks.remove(0).run();

        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        assertThat(committed).singleElement().satisfies(b -> assertThat(b).containsExactlyInAnyOrder("a", "b", "c"));
    }

    @Test
    void commit_moreQueuedThanOneBatch_splitIntoBoundedBatchesByOneTask() {
        GroupCommit<String> commits = groupCommit(2, LONG);
        List<CompletableFuture<Void>> calls = submit(commits, IntStream.range(0, 5).mapToObj(i -> "r" + i)
            .toArray(String[]::new));

        tasks.remove(0).run();

        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        assertThat(committed).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(tasks).isEmpty();
    }

    @Test
    void commit_batchCommitFails_everyCallerOfTheBatchFailsWithTheCause() {
        GroupCommit<String> commits = groupCommit(64, LONG);
        failure.set(new IllegalStateException("database is read-only"));
        List<CompletableFuture<Void>> calls = submit(commits, "a", "b");

        tasks.remove(0).run();

        assertThat(calls).allSatisfy(c -> assertThatThrownBy(c::join).hasCauseInstanceOf(
            GroupCommit.NotCommittedException.class).rootCause().hasMessage("database is read-only"));
        assertThat(committed).isEmpty();
    }

    @Test
    void commit_afterAFailedBatch_nextCallerStartsAFreshDrainAndCommits() {
        GroupCommit<String> commits = groupCommit(64, LONG);
        failure.set(new IllegalStateException("connection lost"));
        CompletableFuture<Void> first = submit(commits, "a").get(0);
        tasks.remove(0).run();
        assertThatThrownBy(first::join).hasCauseInstanceOf(GroupCommit.NotCommittedException.class);

        failure.set(null);
        CompletableFuture<Void> second = submit(commits, "b").get(0);
        tasks.remove(0).run();

        second.join();
        assertThat(committed).containsExactly(List.of("b"));
    }

    @Test
    void commit_notCommittedWithinTimeout_callerFailsInsteadOfWaiting() {
        GroupCommit<String> commits = groupCommit(64, Duration.ofMillis(50));

        // The drain task is never run: the database "hangs".
        assertThatThrownBy(() -> commits.commit("a")).isInstanceOf(GroupCommit.NotCommittedException.class)
            .hasMessageContaining("not committed within PT0.05S");
        assertThat(committed).isEmpty();
    }

    @Test
    void commit_executorRefusesTheDrainTask_callerFailsAtOnce() {
        GroupCommit<String> commits = new GroupCommit<>("test", task -> {
            throw new RejectedExecutionException("executor shut down");
        }, committed::add, 64, LONG);

        assertThatThrownBy(() -> commits.commit("a")).isInstanceOf(GroupCommit.NotCommittedException.class)
            .hasRootCauseMessage("executor shut down");
        assertThat(commits.queued()).isZero();
    }

    @Test
    void new_nonPositiveBatchOrTimeout_fails() {
        assertThatThrownBy(() -> groupCommit(0, LONG)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not 0");
        assertThatThrownBy(() -> groupCommit(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("PT0S");
    }

    private GroupCommit<String> lingering(int minBatch, Duration linger) {
        return new GroupCommit<>("test", tasks::add, committed::add, 64, LONG, minBatch, linger);
    }

    @Test
    void commit_batchBelowTheMinimum_waitsWithinTheLingerForLaterCallers() throws Exception {
        GroupCommit<String> commits = lingering(3, Duration.ofSeconds(30));
        List<CompletableFuture<Void>> calls = new ArrayList<>(submit(commits, "a"));
        // The drain takes "a" alone, then lingers: records queued meanwhile join its batch.
        CompletableFuture<Void> drain = CompletableFuture.runAsync(tasks.remove(0), callers);
        while (commits.queued() > 0) {
            Thread.onSpinWait();
        }
        calls.add(CompletableFuture.runAsync(() -> commits.commit("b"), callers));
        calls.add(CompletableFuture.runAsync(() -> commits.commit("c"), callers));

        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
        drain.get(1, TimeUnit.MINUTES);
        assertThat(committed).singleElement().satisfies(b -> assertThat(b).startsWith("a").containsExactlyInAnyOrder("a", "b", "c"));
        assertThat(tasks).as("the later callers found the drain running").isEmpty();
    }

    @Test
    void commit_loneRecordBelowTheMinimum_committedOnceTheLingerEnds() throws Exception {
        GroupCommit<String> commits = lingering(8, Duration.ofMillis(200));
        List<CompletableFuture<Void>> calls = submit(commits, "a");
        tasks.remove(0).run();

        calls.get(0).get(1, TimeUnit.MINUTES);
        assertThat(committed).containsExactly(List.of("a"));
    }

    @Test
    void new_minimumBatchOrLingerOutOfRange_fails() {
        assertThatThrownBy(() -> lingering(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("between 1 and 64, not 0");
        assertThatThrownBy(() -> lingering(65, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not 65");
        assertThatThrownBy(() -> lingering(8, LONG)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("shorter than the timeout");
        assertThatThrownBy(() -> lingering(8, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("at least 0");
    }
}
