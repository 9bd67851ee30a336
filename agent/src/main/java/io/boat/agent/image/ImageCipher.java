package io.boat.agent.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * Encrypts and decrypts whole images in the chunked format, in constant memory (two chunk-sized
 * buffers, per thread when decrypting: see {@link ChunkWorkers}) whatever the image size. Output is written through {@link AtomicOutput}: it appears,
 * mode 0600, only after the last chunk has been written (encrypt) or verified (decrypt); on any
 * failure nothing is left at the output path.
 *
 * <p>Chunk layout: every chunk but the last carries exactly {@code chunkSize} plaintext bytes;
 * the last carries 0..chunkSize-1, so an image whose size is a multiple of the chunk size ends with
 * an empty last chunk. The reader therefore knows the last chunk by its short length alone, and a
 * file cut at a chunk boundary lacks its last chunk and is refused.
 */
public final class ImageCipher {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DEFAULT_THREADS = Math.min(Runtime.getRuntime().availableProcessors(), ChunkWorkers.MAX_THREADS);

    private ImageCipher() {
    }

    /** Encrypts {@code in} to a new file {@code out} under {@code key}, naming it {@code keyId} in the header. */
    public static void encrypt(ImageKey key, String keyId, int chunkSize, InputStream in, Path out, Progress progress)
            throws IOException, GeneralSecurityException {
        ImageHeader header = ImageHeader.create(chunkSize, keyId, RANDOM);
        ChunkCipher cipher = new ChunkCipher(key, header);
        byte[] plain = new byte[chunkSize];
        byte[] sealed = new byte[chunkSize + ImageHeader.TAG_LENGTH];
        try (AtomicOutput target = AtomicOutput.create(out)) {
            byte[] h = header.encoded();
            target.write(h, h.length);
            long done = 0;
            for (long index = 0; ; index++) {
                int n = in.readNBytes(plain, 0, chunkSize);
                boolean last = n < chunkSize;
                target.write(sealed, cipher.seal(index, last, plain, n, sealed));
                done += n;
                progress.update(done);
                if (last) {
                    break;
                }
            }
            target.commit();
        } finally {
            Arrays.fill(plain, (byte) 0);
            progress.finish();
        }
    }

    /** Prepares the JVM to encrypt an image of about {@code bytes} (a no-op for small ones); see {@link GcmWarmUp}. */
    public static void warmUpFor(long bytes) throws GeneralSecurityException {
        GcmWarmUp.before(bytes, Cipher.ENCRYPT_MODE);
    }

    /** Reads just the header of an encrypted image (to learn which key it needs). */
    public static ImageHeader header(Path in) throws IOException, ImageRejectedException {
        try (InputStream s = Files.newInputStream(in)) {
            return ImageHeader.read(s);
        }
    }

    /**
     * Verifies and decrypts {@code in} to a new file {@code out}. If {@code expectedKeyId} is not null
     * the header must name it. Refused images throw before {@code out} exists.
     */
    public static void decrypt(ImageKey key, String expectedKeyId, Path in, Path out, Progress progress)
            throws IOException, GeneralSecurityException, ImageRejectedException {
        decrypt(key, expectedKeyId, in, out, progress, DEFAULT_THREADS);
    }

    /** As {@link #decrypt(ImageKey, String, Path, Path, Progress)}, on {@code threads} threads (see {@link ChunkWorkers}). */
    static void decrypt(ImageKey key, String expectedKeyId, Path in, Path out, Progress progress, int threads)
            throws IOException, GeneralSecurityException, ImageRejectedException {
        try (FileChannel channel = FileChannel.open(in, StandardOpenOption.READ)) {
            ImageHeader header = ImageHeader.read(Channels.newInputStream(channel));
            long size = channel.size();
            GcmWarmUp.before(size, Cipher.DECRYPT_MODE);
            if (expectedKeyId != null) {
                header.requireKeyId(expectedKeyId);
            }
            ChunkCipher cipher = new ChunkCipher(key, header);
            try (AtomicOutput target = AtomicOutput.create(out)) {
                ChunkWorkers.run(cipher, channel, header.encoded().length, header.chunkSize(), size, target, threads, progress);
                target.commit();
            }
        } finally {
            progress.finish();
        }
    }
}
