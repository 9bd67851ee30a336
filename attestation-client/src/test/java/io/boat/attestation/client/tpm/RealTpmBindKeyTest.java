package io.boat.attestation.client.tpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs deploy/tpm/bind-key-fixtures.sh against a fresh swtpm, so the committed fixtures are not the
 * only evidence: keys made today by tpm2-tools must have the names and policy digests computed here.
 * Skipped only when swtpm or tpm2-tools are not installed (CI installs both).
 */
class RealTpmBindKeyTest {
    private static final Path DEPLOY_TPM = Path.of(System.getProperty("user.dir")).resolve("../deploy/tpm").normalize();
    private static Path dir;

    @BeforeAll
    static void createKeys() throws Exception {
        assumeTrue(onPath("swtpm") && onPath("tpm2_createpolicy"), "swtpm and tpm2-tools are not installed");
        dir = Files.createTempDirectory("boat-bindkey");
        String port = run(DEPLOY_TPM.resolve("../free-port.sh").normalize().toString()).strip();
        run(DEPLOY_TPM.resolve("bind-key-fixtures.sh").toString(), dir.toString(), port);
    }

    @AfterAll
    static void stopTpm() throws Exception {
        if (dir != null) {
            run(DEPLOY_TPM.resolve("swtpm-stop.sh").toString(), dir.resolve("state").toString());
        }
    }

    @Test
    void freshKeys_namesAndPcrPolicy_matchTpm2Tools() throws Exception {
        TpmPublic bind = TpmPublic.parseSized(Files.readAllBytes(dir.resolve("bind.pub")));
        TpmPublic pcrBind = TpmPublic.parseSized(Files.readAllBytes(dir.resolve("pcrbind.pub")));
        PcrSelection selection = PcrSelection.parse(Files.readString(dir.resolve("pcr.selection")));
        var values = selection.splitValues(Files.readAllBytes(dir.resolve("pcr.values")));

        assertThat(bind.name()).isEqualTo(Files.readAllBytes(dir.resolve("bind.name")));
        assertThat(pcrBind.name()).isEqualTo(Files.readAllBytes(dir.resolve("pcrbind.name")));
        assertThat(PolicyPcr.digest(TpmAlg.SHA256, selection, values)).isEqualTo(Files.readAllBytes(dir.resolve("pcr.policy")));
        assertThat(BindKeyRequirements.standard().withPcrPolicy(selection, values).violations(pcrBind)).isEmpty();
        assertThat(BindKeyRequirements.standard().violations(bind)).isEmpty();
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
