package io.boat.agent.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.agent.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encrypt-image and decrypt-image command lines, on the paths that need no BOAT server (ImageCommandsIT has those). */
class ImageCommandsTest {
    /** Nothing listens on port 1: every key fetch fails as unreachable. */
    private static final String NOWHERE = "http://127.0.0.1:1/v1/secrets/";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out), args);
    }

    @Test
    void decryptImage_refOfAnotherSecret_refusedBeforeFetchingTheKey() throws Exception {
        Path enc = dir.resolve("image.enc");
        try (ImageKey key = ImageKey.copyOf(new SecureRandom().generateSeed(32))) {
            ImageCipher.encrypt(key, "secret-a", ImageHeader.MIN_CHUNK_SIZE, new ByteArrayInputStream(new byte[5000]), enc, Progress.none());
        }
        int rc = run("decrypt-image", "--os-token", "t", "--secret-ref", NOWHERE + "secret-b", "--in", enc.toString(),
            "--out", dir.resolve("plain.img").toString());
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (wrong_secret): image is encrypted under secret secret-a, not secret-b");
        assertThat(dir.resolve("plain.img")).doesNotExist();
    }

    @Test
    void decryptImage_notAnImage_refusedAsNotAnImage() throws Exception {
        Path junk = Files.write(dir.resolve("junk"), new byte[100]);
        int rc = run("decrypt-image", "--os-token", "t", "--secret-ref", NOWHERE + "s", "--in", junk.toString(),
            "--out", dir.resolve("plain.img").toString());
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (not_an_image)");
        assertThat(dir.resolve("plain.img")).doesNotExist();
    }

    @Test
    void encryptImage_boatUnreachable_failsAndWritesNothing() throws Exception {
        Path plain = Files.write(dir.resolve("plain.img"), new byte[10]);
        int rc = run("encrypt-image", "--os-token", "t", "--secret-ref", NOWHERE + "s", "--in", plain.toString(),
            "--out", dir.resolve("image.enc").toString());
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (unreachable)").contains("127.0.0.1:1");
        assertThat(dir.resolve("image.enc")).doesNotExist();
    }

    @Test
    void encryptImage_passwordLoginUnreachable_failsAsUnreachableWithoutThePassword() throws Exception {
        Path plain = Files.write(dir.resolve("plain.img"), new byte[10]);
        int rc = run("encrypt-image", "--os-auth-url", "http://127.0.0.1:1/v3", "--os-username", "owner",
            "--os-password", "pw-not-to-be-printed", "--secret-ref", NOWHERE + "s", "--in", plain.toString(),
            "--out", dir.resolve("image.enc").toString());
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (unreachable)").contains("/v3/auth/tokens").doesNotContain("pw-not-to-be-printed");
    }

    @Test
    void encryptImage_missingInput_failsAsNoSuchFile() {
        int rc = run("encrypt-image", "--os-token", "t", "--secret-ref", NOWHERE + "s", "--in", dir.resolve("absent").toString(),
            "--out", dir.resolve("image.enc").toString());
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (no_such_file)");
    }

    @Test
    void encryptImage_badSecretRef_failsAsBadArgument() throws Exception {
        Path plain = Files.write(dir.resolve("plain.img"), new byte[10]);
        int rc = run("encrypt-image", "--os-token", "t", "--secret-ref", "http://h/v1/orders/x", "--in", plain.toString(),
            "--out", dir.resolve("image.enc").toString());
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (bad_argument): Invalid secret ref");
    }

    @Test
    void help_eachImageCommand_printsItsUsage() {
        for (String command : new String[] {"encrypt-image", "decrypt-image", "launch"}) {
            StringWriter help = new StringWriter();
            assertThat(Main.run(new PrintWriter(help), command, "--help")).isZero();
            assertThat(help.toString()).contains("Usage: boat-agent " + command);
        }
    }
}
