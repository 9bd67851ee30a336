package io.boat.it.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The test-only jar that slows order processing down (or makes it fail), built from this package's
 * compiled classes, and the server options that load it: the fault lives in a test deployment, not
 * in BOAT.
 */
public final class FaultJar {

    private static final List<Class<?>> CLASSES =
            List.of(SlowOrders.class, SlowOrders.Literal.class, SlowOrdersInterceptor.class, SlowOrdersExtension.class);

    private FaultJar() {
    }

    /** JVM options and Payara Micro arguments that hold each order-processing attempt for {@code delay}. */
    public record Options(List<String> java, List<String> micro) {
    }

    /** Writes the jar into {@code dir} and returns the options that add it to a server. */
    public static Options slowOrders(Path dir, Duration delay) throws IOException {
        return options(dir, List.of("-D" + SlowOrdersInterceptor.DELAY_PROPERTY + "=" + delay.toMillis()));
    }

    /** As {@link #slowOrders}, but the server's first {@code failures} key generations fail and the rest are not held. */
    public static Options failingOrders(Path dir, int failures) throws IOException {
        return options(dir, List.of("-D" + SlowOrdersInterceptor.FAILURES_PROPERTY + "=" + failures,
                "-D" + SlowOrdersInterceptor.DELAY_PROPERTY + "=0"));
    }

    private static Options options(Path dir, List<String> java) throws IOException {
        Path jar = dir.resolve("boat-it-slow-orders.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> c : CLASSES) {
                String entry = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/jakarta.enterprise.inject.spi.Extension"));
            write(out, SlowOrdersExtension.class.getName() + "\n");
            out.closeEntry();
        }
        return new Options(java, List.of("--addlibs", jar.toString()));
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
