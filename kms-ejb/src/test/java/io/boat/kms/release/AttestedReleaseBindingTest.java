package io.boat.kms.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.kms.secret.AcceptedTypes;
import io.boat.kms.secret.Payload;
import io.boat.kms.secret.SecretService;
import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Where the release interceptor is bound, read from the compiled classes: on the payload method and
 * nowhere else (no class-level binding that would put it on metadata reads, lists or writes).
 */
class AttestedReleaseBindingTest {

    @Test
    void binding_onlyOnSecretServicePayload() throws Exception {
        List<String> bound = new ArrayList<>();
        for (Class<?> type : kmsClasses()) {
            if (type.isAnnotationPresent(AttestedRelease.class) && !type.isAnnotationPresent(Interceptor.class)) {
                bound.add(type.getName());
            }
            for (Method m : type.getDeclaredMethods()) {
                if (m.isAnnotationPresent(AttestedRelease.class)) {
                    bound.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(bound).containsExactly("SecretService.payload");
    }

    @Test
    void payload_signatureTheInterceptorReadsByPosition() throws Exception {
        Method payload = SecretService.class.getMethod("payload", io.boat.kms.policy.Caller.class,
            io.boat.kms.secret.SecretId.class, AcceptedTypes.class, ReleaseRequest.class);

        assertThat(payload.getReturnType()).isEqualTo(Payload.class);
    }

    @Test
    void interceptor_enabledGloballyByPriority() {
        assertThat(AttestedReleaseInterceptor.class.getAnnotation(Priority.class).value())
            .isEqualTo(Interceptor.Priority.APPLICATION);
        assertThat(AttestedReleaseInterceptor.class.isAnnotationPresent(AttestedRelease.class)).isTrue();
    }

    private static List<Class<?>> kmsClasses() throws URISyntaxException, Exception {
        Path root = Path.of(SecretService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.endsWith("package-info") && !name.endsWith("module-info")) {
                    classes.add(Class.forName(name, false, AttestedReleaseBindingTest.class.getClassLoader()));
                }
            }
        }
        return classes;
    }
}
