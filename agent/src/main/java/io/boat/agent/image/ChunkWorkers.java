package io.boat.agent.image;

import io.boat.agent.image.ImageRejectedException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifies and decrypts an image's chunks on several threads. Every chunk but the last has the same
 * sealed length, so chunk {@code i} sits at a fixed offset in the input and its plaintext at a fixed
 * offset in the output: each worker takes the next chunk index, reads it with a positional read,
 * opens it with its own {@link ChunkCipher} and writes it with a positional write, with no hand-off
 * between threads. On two cores the kernel's copies and AES-GCM then run side by side
 * (bench/RESULTS.md). Memory stays constant: two chunk buffers per worker, at most {@link #MAX_THREADS}.
 *
 * <p>The first failure stops every worker from taking another chunk; the caller gets the failure of
 * the lowest chunk index, so the error names the same chunk whatever the thread timing. All workers
 * have ended when {@link #run} returns or throws, so the caller may then delete the output.
 */
final class ChunkWorkers {
    /** Beyond this the chunk buffers (up to 8 MiB each) cost memory and the two-core machine gains nothing. */
    static final int MAX_THREADS = 4;
    static final String THREAD_NAME = "boat-image-decrypt-";

    private final ChunkCipher cipher;
    private final FileChannel in;
    private final long bodyOffset;
    private final int chunkSize;
    private final int sealedSize;
    private final long lastIndex;
    private final int lastSealedLength;
    private final AtomicLong nextIndex = new AtomicLong();
    private final AtomicLong plainBytesDone = new AtomicLong();
    private volatile boolean stopped;
    private long failedIndex = Long.MAX_VALUE;
    private Exception failure;

    private ChunkWorkers(ChunkCipher cipher, FileChannel in, long bodyOffset, int chunkSize, long inputSize)
            throws ImageRejectedException {
        this.cipher = cipher;
        this.in = in;
        this.bodyOffset = bodyOffset;
        this.chunkSize = chunkSize;
        this.sealedSize = chunkSize + ImageHeader.TAG_LENGTH;
        long body = inputSize - bodyOffset;
        this.lastIndex = body / sealedSize;
        this.lastSealedLength = (int) (body % sealedSize);
        if (lastSealedLength < ImageHeader.TAG_LENGTH) {
            throw truncated(lastIndex);
        }
    }

    /**
     * Decrypts the chunks after the header ({@code bodyOffset} bytes) of {@code in}, {@code inputSize}
     * bytes long, into {@code out}, on {@code threads} threads including the caller's, which also
     * reports progress (bytes of input processed, header included).
     */
    static void run(ChunkCipher cipher, FileChannel in, long bodyOffset, int chunkSize, long inputSize, AtomicOutput out,
                    int threads, Progress progress) throws IOException, GeneralSecurityException, ImageRejectedException {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("Invalid decrypt thread count " + threads + "; 1.." + MAX_THREADS + " are supported");
        }
        ChunkWorkers work = new ChunkWorkers(cipher, in, bodyOffset, chunkSize, inputSize);
        List<Thread> helpers = new ArrayList<>();
        try {
            for (int t = 1; t < threads && t <= work.lastIndex; t++) {
                ChunkCipher own = cipher.forAnotherThread();
                Thread helper = new Thread(() -> work.loop(own, out, Progress.none()), THREAD_NAME + t);
                helper.setDaemon(true);
                helpers.add(helper);
                helper.start();
            }
            work.loop(cipher, out, progress);
        } finally {
            work.stopped = true;
            joinAll(helpers);
        }
        work.throwFailure();
        progress.update(inputSize);
    }

    private void loop(ChunkCipher own, AtomicOutput out, Progress progress) {
        byte[] sealed = new byte[sealedSize];
        byte[] plain = new byte[chunkSize];
        try {
            for (long index = nextIndex.getAndIncrement(); index <= lastIndex && !stopped; index = nextIndex.getAndIncrement()) {
                try {
                    openChunk(own, index, sealed, plain, out);
                } catch (Exception | Error e) {
                    fail(index, e);
                    return;
                }
                progress.update(bodyOffset + plainBytesDone.get() / chunkSize * sealedSize);
            }
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private void openChunk(ChunkCipher own, long index, byte[] sealed, byte[] plain, AtomicOutput out)
            throws IOException, GeneralSecurityException, ImageRejectedException {
        boolean last = index == lastIndex;
        int length = last ? lastSealedLength : sealedSize;
        readFully(index, sealed, length);
        int n = own.open(index, last, sealed, length, plain);
        out.write(plain, n, index * chunkSize);
        plainBytesDone.addAndGet(n);
    }

    private void readFully(long index, byte[] into, int length) throws IOException, ImageRejectedException {
        ByteBuffer b = ByteBuffer.wrap(into, 0, length);
        long position = bodyOffset + index * sealedSize;
        while (b.hasRemaining()) {
            // The file shrank after its size was read: the same refusal as a file that was short to begin with.
            if (in.read(b, position + b.position()) < 0) {
                throw truncated(index);
            }
        }
    }

    private synchronized void fail(long index, Throwable e) {
        stopped = true;
        if (index < failedIndex) {
            failedIndex = index;
            failure = e instanceof Exception ex ? ex : new IllegalStateException("decrypt worker failed", e);
        }
    }

    private synchronized void throwFailure() throws IOException, GeneralSecurityException, ImageRejectedException {
        if (failure instanceof ImageRejectedException e) {
            throw e;
        } else if (failure instanceof IOException e) {
            throw e;
        } else if (failure instanceof GeneralSecurityException e) {
            throw e;
        } else if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            // Wait even when interrupted: the output must not be deleted while a worker may still write to it.
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ImageRejectedException truncated(long index) {
        return new ImageRejectedException(Reason.TRUNCATED, "truncated image: chunk " + index
            + " is missing or shorter than its tag (the last chunk is missing)");
    }
}
