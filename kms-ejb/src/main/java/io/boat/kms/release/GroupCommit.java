package io.boat.kms.release;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Durable writes shared by concurrent callers: a caller hands its record over and waits until the
 * transaction holding it has committed. One drain task at a time commits whatever queued up while
 * the previous commit ran (at most {@code maxBatch} records) in one transaction, so callers that
 * arrive together pay for one commit between them instead of one each.
 *
 * <p>A caller returns normally only after its record is committed. When a batch's commit fails,
 * every caller of that batch fails; a caller whose record is not committed within the timeout fails
 * too, so nobody waits forever. A timed-out record may still commit later: the log may hold a record
 * whose caller failed, never a caller that went on without its record.
 */
final class GroupCommit<T> {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    private record Waiter<T>(T record, CompletableFuture<Void> committed) {
    }

    private final Queue<Waiter<T>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Executor executor;
    private final Consumer<List<T>> commit;
    private final int maxBatch;
    private final Duration timeout;

    /**
     * @param executor runs the drain task (the container's managed executor)
     * @param commit   writes and commits one batch in one transaction, or throws
     */
    GroupCommit(Executor executor, Consumer<List<T>> commit, int maxBatch, Duration timeout) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + maxBatch);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("commit timeout must be positive, not " + timeout);
        }
        this.executor = executor;
        this.commit = commit;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
    }

    /** Returns once {@code record} is committed; throws if its batch failed or the timeout passed first. */
    void commit(T record) {
        Waiter<T> waiter = new Waiter<>(record, new CompletableFuture<>());
        queue.add(waiter);
        startIfIdle();
        try {
            waiter.committed().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new ReleaseAuditUnavailableException("Release audit commit failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new ReleaseAuditUnavailableException("Release audit not committed within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseAuditUnavailableException("Interrupted while waiting for the release audit commit", e);
        }
    }

    /** Records handed over and not yet taken into a batch. */
    int queued() {
        return queue.size();
    }

    private void startIfIdle() {
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException e) {
                draining.set(false);
                LOG.log(Level.SEVERE, "Could not start the release audit writer; queued releases are refused", e);
                for (Waiter<T> w; (w = queue.poll()) != null; ) {
                    w.committed().completeExceptionally(e);
                }
            }
        }
    }

    private void drain() {
        try {
            for (List<Waiter<T>> batch = next(); !batch.isEmpty(); batch = next()) {
                commitBatch(batch);
            }
        } finally {
            draining.set(false);
        }
        // A record queued between the last empty poll and the flag's reset found the flag still set.
        if (!queue.isEmpty()) {
            startIfIdle();
        }
    }

    private void commitBatch(List<Waiter<T>> batch) {
        try {
            commit.accept(batch.stream().map(Waiter::record).toList());
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "Committing " + batch.size() + " release audit record(s) failed; their releases are refused", e);
            batch.forEach(w -> w.committed().completeExceptionally(e));
            if (e instanceof Error error) {
                throw error;
            }
            return;
        }
        batch.forEach(w -> w.committed().complete(null));
    }

    private List<Waiter<T>> next() {
        List<Waiter<T>> batch = new ArrayList<>();
        for (Waiter<T> w; batch.size() < maxBatch && (w = queue.poll()) != null; ) {
            batch.add(w);
        }
        return batch;
    }
}
