package io.boat.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's command line when there is no TPM to talk to: exit code 1 and a no_tpm error. */
class MainWithoutTpmTest {
    @TempDir
    Path state;

    @Test
    void enroll_missingDevice_failsWithNoTpmError() {
        StringWriter out = new StringWriter();
        int rc = Main.run(new PrintWriter(out), "--tpm", "device:/dev/does-not-exist", "--state-dir", state.toString(),
            "--json", "enroll");
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("\"error\":\"no_tpm\"").contains("/dev/does-not-exist");
    }

    @Test
    void attest_unreachableSwtpm_failsWithNoTpmError() {
        StringWriter out = new StringWriter();
        int rc = Main.run(new PrintWriter(out), "--tpm", "tcp:127.0.0.1:1", "--state-dir", state.toString(), "attest");
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (no_tpm)").contains("cannot connect to swtpm at 127.0.0.1:1");
    }

    @Test
    void attest_jsonAfterSubcommand_printsJsonError() {
        StringWriter out = new StringWriter();
        int rc = Main.run(new PrintWriter(out), "attest", "--tpm", "tcp:127.0.0.1:1", "--state-dir", state.toString(),
            "--json");
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).startsWith("{\"error\":\"no_tpm\"");
    }

    @Test
    void attest_jsonBeforeSubcommand_stillPrintsJsonError() {
        StringWriter out = new StringWriter();
        int rc = Main.run(new PrintWriter(out), "--json", "--tpm", "tcp:127.0.0.1:1", "--state-dir", state.toString(),
            "attest");
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).startsWith("{\"error\":\"no_tpm\"");
    }

    @Test
    void help_everySubcommand_printsItsUsageAndExitsZero() {
        for (String sub : new String[] {"enroll", "attest"}) {
            StringWriter out = new StringWriter();
            int rc = Main.run(new PrintWriter(out), sub, "--help");
            assertThat(rc).as(sub).isEqualTo(0);
            assertThat(out.toString()).as(sub).contains("Usage: boat-agent " + sub).contains("--json").contains("--tpm");
        }
    }

    @Test
    void help_attestedReleaseOptions_listed() {
        StringWriter fetch = new StringWriter();
        assertThat(Main.run(new PrintWriter(fetch), "fetch-key", "--help")).isZero();
        assertThat(fetch.toString()).contains("Usage: boat-agent fetch-key").contains("SECRET_REF").contains("--format=jwe|raw")
            .contains("--out=FILE").contains("--cacert=FILE").contains("--cert=FILE").contains("--key=FILE").contains("--tpm");
        StringWriter enroll = new StringWriter();
        Main.run(new PrintWriter(enroll), "enroll", "--help");
        assertThat(enroll.toString()).contains("--pcr-bound").contains("--pcrs=[sha256:]N,N,...");
        StringWriter decrypt = new StringWriter();
        Main.run(new PrintWriter(decrypt), "decrypt-image", "--help");
        assertThat(decrypt.toString()).contains("--attested");
    }

    @Test
    void enroll_badPcrList_refusedNamingItBeforeTouchingTheTpm() {
        StringWriter out = new StringWriter();
        int rc = Main.run(new PrintWriter(out), "--tpm", "tcp:127.0.0.1:1", "--state-dir", state.toString(), "enroll",
            "--pcr-bound", "--pcrs", "sha1:0");
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (bad_argument): Invalid PCR list 'sha1:0'").doesNotContain("no_tpm");
    }

    @Test
    void enroll_pcrsWithoutPcrBound_refusedBeforeTouchingTheTpm() {
        StringWriter out = new StringWriter();
        int rc = Main.run(new PrintWriter(out), "--tpm", "tcp:127.0.0.1:1", "--state-dir", state.toString(), "enroll",
            "--pcrs", "0,1");
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (bad_argument): --pcrs applies only with --pcr-bound");
    }

    @Test
    void attest_help_listsWatchOption() {
        StringWriter out = new StringWriter();
        Main.run(new PrintWriter(out), "attest", "--help");
        assertThat(out.toString()).contains("--watch=<watchSeconds>").contains("--pcrs=<pcrs>");
    }
}
