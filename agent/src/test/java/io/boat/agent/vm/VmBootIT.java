package io.boat.agent.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.agent.Main;
import io.boat.agent.image.ImageCipher;
import io.boat.agent.image.ImageHeader;
import io.boat.agent.image.ImageKey;
import io.boat.agent.image.Progress;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-off to the hypervisor with real parts: deploy/vm/build-test-image.sh builds a boot bundle
 * from Debian's kernel and busybox-static, the image format encrypts and decrypts it, and
 * {@code launch} boots it in QEMU (KVM where QEMU can use it, else TCG) until the guest prints its marker and
 * powers off. The timeout only bounds a hung guest; it is not a performance assertion.
 */
class VmBootIT {
    private static final long BOOT_BOUND_SECONDS = 600;

    @TempDir
    Path dir;

    @Test
    void encryptedTestImage_decryptedAndLaunched_bootsAndPrintsTheMarker() throws Exception {
        Path bundle = dir.resolve("test-vm.tar");
        Process build = new ProcessBuilder("bash", System.getProperty("boat.vm.build"), bundle.toString())
            .redirectErrorStream(true).start();
        String buildLog = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(build.waitFor(BOOT_BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).as(buildLog).isZero();

        Path encrypted = dir.resolve("test-vm.enc");
        Path decrypted = dir.resolve("test-vm.dec.tar");
        byte[] keyBytes = new SecureRandom().generateSeed(ImageKey.LENGTH);
        try (ImageKey key = ImageKey.copyOf(keyBytes); InputStream in = Files.newInputStream(bundle)) {
            ImageCipher.encrypt(key, "test-vm", ImageHeader.DEFAULT_CHUNK_SIZE, in, encrypted, Progress.none());
        }
        try (ImageKey key = ImageKey.copyOf(keyBytes)) {
            ImageCipher.decrypt(key, "test-vm", encrypted, decrypted, Progress.none());
        }
        assertThat(Files.mismatch(bundle, decrypted)).isEqualTo(-1L);

        StringWriter console = new StringWriter();
        int rc = Main.run(new PrintWriter(console), "launch", "--image", decrypted.toString(), "--memory", "256",
            "--timeout", Long.toString(BOOT_BOUND_SECONDS));
        assertThat(console.toString()).contains("BOAT-VM-BOOTED kernel ").contains("reboot: Power down");
        assertThat(rc).as(console.toString()).isZero();
    }
}
