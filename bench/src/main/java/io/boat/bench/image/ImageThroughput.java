package io.boat.bench.image;

import io.boat.agent.image.ImageCipher;
import io.boat.agent.image.ImageHeader;
import io.boat.agent.image.ImageKey;
import io.boat.agent.image.Progress;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Times the agent's image encryption or decryption on a file, the same code path as
 * {@code encrypt-image} / {@code decrypt-image} minus the key fetch, and prints MB/s and the
 * JVM's peak RSS (VmHWM). Driven by bench/image/run.sh.
 *
 * <pre>java -cp benchmarks.jar io.boat.bench.image.ImageThroughput encrypt|decrypt KEY_HEX_FILE IN OUT [CHUNK]</pre>
 */
public final class ImageThroughput {
    private ImageThroughput() {
    }

    public static void main(String[] args) throws Exception {
        byte[] keyBytes = HexFormat.of().parseHex(Files.readString(Path.of(args[1])).trim());
        Path in = Path.of(args[2]);
        Path out = Path.of(args[3]);
        int chunk = args.length > 4 ? Integer.parseInt(args[4])
            : "decrypt".equals(args[0]) ? ImageCipher.header(in).chunkSize() : ImageHeader.DEFAULT_CHUNK_SIZE;
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        Progress segments = new SegmentTimes(os);
        try (ImageKey key = ImageKey.copyOf(keyBytes)) {
            if ("encrypt".equals(args[0])) {
                try (InputStream s = Files.newInputStream(in)) {
                    ImageCipher.warmUpFor(Files.size(in));
                    ImageCipher.encrypt(key, "bench", chunk, s, out, segments);
                }
            } else {
                ImageCipher.decrypt(key, "bench", in, out, segments);
            }
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        long bytes = Files.size(in);
        // Per CPU second too: on a shared machine wall time measures the neighbours as much as us.
        System.out.printf("%s %d bytes (chunk %d) in %.2f s wall = %.0f MB/s; %.2f s CPU (all JVM threads) = %.0f MB/s per"
            + " CPU second (1 MB = 10^6 bytes); %s%n", args[0], bytes, chunk, seconds, bytes / seconds / 1e6, cpuSeconds,
            bytes / cpuSeconds / 1e6, peakRss());
    }

    /**
     * Prints the process CPU time and wall time of each 256 MiB: the first segments include the JIT's warm-up
     * (JCE's AES-GCM runs as a compiled intrinsic only once C2 has compiled its callers), the
     * later ones show the steady state.
     */
    static final class SegmentTimes implements Progress {
        private static final long SEGMENT = 256L << 20;
        private final com.sun.management.OperatingSystemMXBean os;
        private long nextMark = SEGMENT;
        private long lastCpu;
        private long lastWall = System.nanoTime();

        SegmentTimes(com.sun.management.OperatingSystemMXBean os) {
            this.os = os;
            this.lastCpu = os.getProcessCpuTime();
        }

        @Override
        public void update(long bytesDone) {
            if (bytesDone >= nextMark) {
                long cpu = os.getProcessCpuTime();
                long wall = System.nanoTime();
                // Both: with decrypt-image's threads, wall below CPU/cores means the machine is not ours.
                System.out.printf("  %5d MiB: %4.0f MB/s per CPU second, %4.0f MB/s wall%n", nextMark >> 20,
                    SEGMENT / ((cpu - lastCpu) / 1e9) / 1e6, SEGMENT / ((wall - lastWall) / 1e9) / 1e6);
                lastCpu = cpu;
                lastWall = wall;
                nextMark += SEGMENT;
            }
        }

        @Override
        public void finish() {
        }
    }

    private static String peakRss() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
            .findFirst().orElse("VmHWM unknown").replaceAll("\\s+", " ");
    }
}
