package io.boat.agent.vm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A boot bundle: an uncompressed tar holding {@code vmlinuz} and {@code initrd.img}, the shape of
 * image {@code launch} boots directly (anything else is treated as a raw disk). Extracted into a
 * private (0700) directory that {@link #close()} deletes, because its files are decrypted image.
 */
final class BootBundle implements AutoCloseable {
    static final String KERNEL = "vmlinuz";
    static final String INITRD = "initrd.img";
    private final Path dir;

    private BootBundle(Path dir) {
        this.dir = dir;
    }

    /** A POSIX tar has "ustar" at offset 257. */
    static boolean isBundle(Path image) throws IOException {
        try (InputStream in = Files.newInputStream(image)) {
            byte[] head = in.readNBytes(262);
            return head.length == 262 && "ustar".equals(new String(head, 257, 5, StandardCharsets.US_ASCII));
        }
    }

    /** Extracts only the two named members, so a hostile archive cannot write elsewhere. */
    static BootBundle extract(Path image) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("boat-vm-", PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------")));
        BootBundle bundle = new BootBundle(dir);
        try {
            Process tar = new ProcessBuilder("tar", "-x", "--no-same-owner", "-f", image.toAbsolutePath().toString(),
                "-C", dir.toString(), KERNEL, INITRD).redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0
                    || !Files.isRegularFile(bundle.kernel()) || !Files.isRegularFile(bundle.initrd())) {
                throw new IOException("not a boot bundle (a tar with " + KERNEL + " and " + INITRD + "): " + output);
            }
            return bundle;
        } catch (IOException | InterruptedException | RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    Path kernel() {
        return dir.resolve(KERNEL);
    }

    Path initrd() {
        return dir.resolve(INITRD);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
