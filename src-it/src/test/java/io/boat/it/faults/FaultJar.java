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
 * The test-only jar that slows order processing down, built from this package's compiled classes,
 * and the server options that load it: the fault lives in a test deployment, not in BOAT.
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
        return new Options(List.of("-D" + SlowOrdersInterceptor.DELAY_PROPERTY + "=" + delay.toMillis()),
                List.of("--addlibs", jar.toString()));
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
