package io.boat.agent.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.agent.image.ImageRejectedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageCipherTest {
    private static final int CHUNK = ImageHeader.MIN_CHUNK_SIZE;
    private static final int TAG = ImageHeader.TAG_LENGTH;
    private static final String KEY_ID = "7f0c3a5e-0000-4000-8000-000000000001";
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private final byte[] keyBytes = random(ImageKey.LENGTH);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK + 7})
    void encryptThenDecrypt_anySize_returnsTheImage(int size) throws Exception {
        byte[] image = random(size);
        Path enc = encrypt(image);
        assertThat(Files.size(enc)).isEqualTo(headerLength() + (long) size + (size / CHUNK + 1) * TAG);
        assertThat(decrypt(enc)).isEqualTo(image);
    }

    @Test
    void encrypt_writesNoPlaintext() throws Exception {
        byte[] image = new byte[3 * CHUNK];
        Arrays.fill(image, (byte) 'A');
        String written = new String(Files.readAllBytes(encrypt(image)), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(written.contains("AAAAAAAA")).as("a run of the plaintext in the encrypted file").isFalse();
    }

    @Test
    void encryptThenDecrypt_defaultChunkSize_returnsTheImage() throws Exception {
        byte[] image = random(ImageHeader.DEFAULT_CHUNK_SIZE * 2 + 3);
        Path enc = dir.resolve("big.enc");
        try (ImageKey key = ImageKey.copyOf(keyBytes)) {
            ImageCipher.encrypt(key, KEY_ID, ImageHeader.DEFAULT_CHUNK_SIZE, new ByteArrayInputStream(image), enc, Progress.none());
        }
        assertThat(decrypt(enc)).isEqualTo(image);
    }

    @Test
    void encrypt_sameImageTwice_differsBecauseSaltAndNoncePrefixAreRandom() throws Exception {
        byte[] image = random(100);
        byte[] a = Files.readAllBytes(encrypt(image));
        Files.move(dir.resolve("image.enc"), dir.resolve("first.enc"));
        byte[] b = Files.readAllBytes(encrypt(image));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void outputs_areOwnerReadWriteOnly() throws Exception {
        Path enc = encrypt(random(10));
        Path out = dir.resolve("plain.img");
        decryptTo(enc, out);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(enc))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
    }

    @Test
    void header_namesTheKeyIdAndChunkSize() throws Exception {
        ImageHeader h = ImageCipher.header(encrypt(random(3)));
        assertThat(h.keyId()).isEqualTo(KEY_ID);
        assertThat(h.chunkSize()).isEqualTo(CHUNK);
    }

    @Test
    void decrypt_flippedBitInHeaderKeyId_refusedAsWrongSecret() throws Exception {
        assertRefused(tampered(random(3 * CHUNK), b -> b[headerLength() - 1] ^= 1), Reason.WRONG_SECRET);
    }

    @Test
    void decrypt_flippedBitInHeaderKeyIdWithNoExpectation_refusedBecauseTheHeaderIsAuthenticated() throws Exception {
        Path enc = tampered(random(3 * CHUNK), b -> b[headerLength() - 1] ^= 1);
        try (ImageKey key = ImageKey.copyOf(keyBytes)) {
            assertThatThrownBy(() -> ImageCipher.decrypt(key, null, enc, dir.resolve("plain.img"), Progress.none()))
                .isInstanceOfSatisfying(ImageRejectedException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED));
        }
        assertOnlyInputLeft(enc);
    }

    @Test
    void decrypt_flippedBitInNoncePrefix_refused() throws Exception {
        assertRefused(tampered(random(3 * CHUNK), b -> b[14 + ImageHeader.SALT_LENGTH + 2] ^= 1), Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void decrypt_flippedBitInSalt_refused() throws Exception {
        assertRefused(tampered(random(3 * CHUNK), b -> b[20] ^= 0x40), Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void decrypt_flippedBitInMagic_refusedAsNotAnImage() throws Exception {
        assertRefused(tampered(random(10), b -> b[0] ^= 1), Reason.NOT_AN_IMAGE);
    }

    @Test
    void decrypt_otherVersion_refusedAsUnsupported() throws Exception {
        assertRefused(tampered(random(10), b -> b[8] = 2), Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void decrypt_hugeChunkSizeInHeader_refusedBeforeAllocating() throws Exception {
        assertRefused(tampered(random(10), b -> b[10] = (byte) 0x7f), Reason.BAD_HEADER);
    }

    @Test
    void decrypt_flippedBitInCiphertext_refused() throws Exception {
        assertRefused(tampered(random(3 * CHUNK), b -> b[headerLength() + CHUNK + TAG + 5] ^= 1), Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void decrypt_flippedBitInTag_refused() throws Exception {
        assertRefused(tampered(random(3 * CHUNK), b -> b[headerLength() + CHUNK + 3] ^= (byte) 0x80), Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void decrypt_flippedBitInLastChunk_refused() throws Exception {
        assertRefused(tampered(random(2 * CHUNK + 9), b -> b[b.length - 1] ^= 1), Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void decrypt_twoChunksSwapped_refused() throws Exception {
        Path enc = encrypt(random(4 * CHUNK));
        byte[] b = Files.readAllBytes(enc);
        int first = headerLength() + CHUNK + TAG;
        byte[] chunk1 = Arrays.copyOfRange(b, first, first + CHUNK + TAG);
        System.arraycopy(b, first + CHUNK + TAG, b, first, CHUNK + TAG);
        System.arraycopy(chunk1, 0, b, first + CHUNK + TAG, CHUNK + TAG);
        Files.write(enc, b);
        assertRefused(enc, Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void decrypt_lastChunkDropped_refusedAsTruncated() throws Exception {
        Path enc = encrypt(random(3 * CHUNK + 100));
        truncate(enc, Files.size(enc) - (100 + TAG));
        assertRefused(enc, Reason.TRUNCATED);
    }

    @Test
    void decrypt_emptyLastChunkDropped_refusedAsTruncated() throws Exception {
        Path enc = encrypt(random(2 * CHUNK));
        truncate(enc, Files.size(enc) - TAG);
        assertRefused(enc, Reason.TRUNCATED);
    }

    @Test
    void decrypt_truncatedMidChunk_refused() throws Exception {
        Path enc = encrypt(random(3 * CHUNK));
        truncate(enc, headerLength() + CHUNK + TAG + CHUNK / 2);
        assertRefused(enc, Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void decrypt_truncatedInsideHeader_refusedAsTruncated() throws Exception {
        Path enc = encrypt(random(3));
        truncate(enc, 20);
        assertRefused(enc, Reason.TRUNCATED);
    }

    @Test
    void decrypt_chunkAppended_refused() throws Exception {
        Path enc = encrypt(random(2 * CHUNK + 5));
        byte[] b = Files.readAllBytes(enc);
        int first = headerLength();
        Files.write(enc, concat(b, Arrays.copyOfRange(b, first, first + CHUNK + TAG)));
        assertRefused(enc, Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void decrypt_bytesAppended_refused() throws Exception {
        Path enc = encrypt(random(CHUNK + 5));
        Files.write(enc, concat(Files.readAllBytes(enc), new byte[] {0}));
        assertRefused(enc, Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void decrypt_lastChunkOfAnotherImageSpliced_refused() throws Exception {
        Path a = encrypt(random(CHUNK + 5));
        byte[] other = Files.readAllBytes(ImageCipherTest.this.encryptAs(random(CHUNK + 5), "other.enc"));
        byte[] b = Files.readAllBytes(a);
        System.arraycopy(other, other.length - (5 + TAG), b, b.length - (5 + TAG), 5 + TAG);
        Files.write(a, b);
        assertRefused(a, Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void decrypt_wrongKey_refused() throws Exception {
        Path enc = encrypt(random(CHUNK * 2));
        Path out = dir.resolve("plain.img");
        try (ImageKey wrong = ImageKey.copyOf(random(ImageKey.LENGTH))) {
            assertThatThrownBy(() -> ImageCipher.decrypt(wrong, KEY_ID, enc, out, Progress.none()))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED))
                .hasMessageContaining("chunk 0");
        }
        assertOnlyInputLeft(enc);
    }

    @Test
    void decrypt_otherKeyIdExpected_refusedBeforeDecrypting() throws Exception {
        Path enc = encrypt(random(10));
        try (ImageKey key = ImageKey.copyOf(keyBytes)) {
            assertThatThrownBy(() -> ImageCipher.decrypt(key, "another-secret", enc, dir.resolve("plain.img"), Progress.none()))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_SECRET))
                .hasMessageContaining(KEY_ID).hasMessageContaining("another-secret");
        }
        assertOnlyInputLeft(enc);
    }

    @Test
    void decrypt_outputExists_refusedAndExistingFileKept() throws Exception {
        Path enc = encrypt(random(10));
        Path out = dir.resolve("plain.img");
        Files.writeString(out, "keep me");
        assertThatThrownBy(() -> decryptTo(enc, out)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(out)).isEqualTo("keep me");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, ChunkWorkers.MAX_THREADS})
    void decrypt_onSeveralThreads_writesEveryChunkInPlace(int threads) throws Exception {
        byte[] image = random(37 * CHUNK + 11);
        Path enc = encrypt(image);
        Path out = dir.resolve("plain.img");
        try (ImageKey key = ImageKey.copyOf(keyBytes)) {
            ImageCipher.decrypt(key, KEY_ID, enc, out, Progress.none(), threads);
        }
        assertThat(Files.readAllBytes(out)).isEqualTo(image);
        assertNoDecryptThreadLeft();
    }

    @Test
    void decrypt_onSeveralThreads_imageOfWholeChunks_endsWithTheEmptyLastChunk() throws Exception {
        byte[] image = random(8 * CHUNK);
        Path out = dir.resolve("plain.img");
        try (ImageKey key = ImageKey.copyOf(keyBytes)) {
            ImageCipher.decrypt(key, KEY_ID, encrypt(image), out, Progress.none(), ChunkWorkers.MAX_THREADS);
        }
        assertThat(Files.readAllBytes(out)).isEqualTo(image);
    }

    @Test
    void decrypt_onSeveralThreads_twoTamperedChunks_refusedNamingTheFirstAndNothingLeft() throws Exception {
        Path enc = tampered(random(40 * CHUNK), b -> {
            b[headerLength() + 30 * (CHUNK + TAG) + 1] ^= 1;
            b[headerLength() + 7 * (CHUNK + TAG) + 1] ^= 1;
        });
        try (ImageKey key = ImageKey.copyOf(keyBytes)) {
            assertThatThrownBy(() -> ImageCipher.decrypt(key, KEY_ID, enc, dir.resolve("plain.img"), Progress.none(),
                ChunkWorkers.MAX_THREADS))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED))
                .hasMessageStartingWith("chunk 7 ");
        }
        assertOnlyInputLeft(enc);
        assertNoDecryptThreadLeft();
    }

    @Test
    void decrypt_onSeveralThreads_wrongKey_refusedNamingChunkZeroAndNothingLeft() throws Exception {
        Path enc = encrypt(random(20 * CHUNK));
        try (ImageKey wrong = ImageKey.copyOf(random(ImageKey.LENGTH))) {
            assertThatThrownBy(() -> ImageCipher.decrypt(wrong, KEY_ID, enc, dir.resolve("plain.img"), Progress.none(),
                ChunkWorkers.MAX_THREADS))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED))
                .hasMessageStartingWith("chunk 0 ");
        }
        assertOnlyInputLeft(enc);
        assertNoDecryptThreadLeft();
    }

    @Test
    void decrypt_onSeveralThreads_lastChunkDropped_refusedAsTruncatedBeforeAnyOutput() throws Exception {
        Path enc = encrypt(random(20 * CHUNK + 100));
        truncate(enc, Files.size(enc) - (100 + TAG));
        try (ImageKey key = ImageKey.copyOf(keyBytes)) {
            assertThatThrownBy(() -> ImageCipher.decrypt(key, KEY_ID, enc, dir.resolve("plain.img"), Progress.none(),
                ChunkWorkers.MAX_THREADS))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED))
                .hasMessageContaining("chunk 20");
        }
        assertOnlyInputLeft(enc);
    }

    @Test
    void decrypt_onSeveralThreads_progressEndsAtTheInputSize() throws Exception {
        Path enc = encrypt(random(12 * CHUNK + 3));
        List<Long> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Progress record = new Progress() {
            @Override
            public void update(long bytesDone) {
                seen.add(bytesDone);
            }

            @Override
            public void finish() {
            }
        };
        try (ImageKey key = ImageKey.copyOf(keyBytes)) {
            ImageCipher.decrypt(key, KEY_ID, enc, dir.resolve("plain.img"), record, ChunkWorkers.MAX_THREADS);
        }
        assertThat(seen).isSortedAccordingTo(Long::compare).last().isEqualTo(Files.size(enc));
        assertThat(Thread.currentThread().getName()).doesNotStartWith(ChunkWorkers.THREAD_NAME);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, ChunkWorkers.MAX_THREADS + 1})
    void decrypt_threadCountOutOfRange_failsNamingTheValueAndLeavesNothing(int threads) throws Exception {
        Path enc = encrypt(random(3 * CHUNK));
        try (ImageKey key = ImageKey.copyOf(keyBytes)) {
            assertThatThrownBy(() -> ImageCipher.decrypt(key, KEY_ID, enc, dir.resolve("plain.img"), Progress.none(), threads))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid decrypt thread count " + threads);
        }
        assertOnlyInputLeft(enc);
    }

    @Test
    void encrypt_chunkSizeOutOfRange_failsNamingTheValue() {
        try (ImageKey key = ImageKey.copyOf(keyBytes)) {
            assertThatThrownBy(() -> ImageCipher.encrypt(key, KEY_ID, 100, new ByteArrayInputStream(new byte[1]),
                dir.resolve("x.enc"), Progress.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid chunk size 100");
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void imageKey_wrongLength_failsNamingTheLength() {
        assertThatThrownBy(() -> ImageKey.copyOf(new byte[16]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid image key size 16");
    }

    @Test
    void imageKey_close_wipesAndNeverPrints() {
        ImageKey key = ImageKey.copyOf(keyBytes);
        assertThat(key.toString()).doesNotContain(java.util.HexFormat.of().formatHex(keyBytes).substring(0, 8));
        key.close();
        assertThatThrownBy(key::bytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hkdf_rfc5869TestCase3_firstBlockMatches() throws Exception {
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        byte[] okm = ChunkCipher.hkdfSha256(ikm, new byte[0], new byte[0]);
        assertThat(java.util.HexFormat.of().formatHex(okm))
            .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d");
    }

    private Path encrypt(byte[] image) throws Exception {
        return encryptAs(image, "image.enc");
    }

    private Path encryptAs(byte[] image, String name) throws Exception {
        Path enc = dir.resolve(name);
        try (ImageKey key = ImageKey.copyOf(keyBytes)) {
            ImageCipher.encrypt(key, KEY_ID, CHUNK, new ByteArrayInputStream(image), enc, Progress.none());
        }
        return enc;
    }

    private byte[] decrypt(Path enc) throws Exception {
        Path out = dir.resolve("plain-" + System.nanoTime());
        decryptTo(enc, out);
        return Files.readAllBytes(out);
    }

    private void decryptTo(Path enc, Path out) throws Exception {
        try (ImageKey key = ImageKey.copyOf(keyBytes)) {
            ImageCipher.decrypt(key, KEY_ID, enc, out, Progress.none());
        }
    }

    private Path tampered(byte[] image, java.util.function.Consumer<byte[]> change) throws Exception {
        Path enc = encrypt(image);
        byte[] b = Files.readAllBytes(enc);
        change.accept(b);
        Files.write(enc, b);
        return enc;
    }

    private void assertRefused(Path enc, Reason reason) throws IOException {
        assertThatThrownBy(() -> decryptTo(enc, dir.resolve("plain.img")))
            .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertOnlyInputLeft(enc);
    }

    private void assertOnlyInputLeft(Path enc) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> left = files.filter(p -> !p.getFileName().toString().endsWith(".enc")).toList();
            assertThat(left).as("no plaintext output, temporary or final").isEmpty();
        }
        assertThat(enc).exists();
    }

    private static void assertNoDecryptThreadLeft() {
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith(ChunkWorkers.THREAD_NAME));
    }

    private static int headerLength() {
        return 8 + 1 + 1 + 4 + ImageHeader.SALT_LENGTH + ImageHeader.NONCE_PREFIX_LENGTH + 1 + KEY_ID.length();
    }

    private static void truncate(Path p, long size) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
