package io.boat.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.agent.tpm.TpmAddress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path state;

    @Test
    void parse_swtpmTcti_yieldsHostAndPort() {
        TpmAddress a = TpmAddress.parse("swtpm:host=10.0.0.5,port=2400");
        assertThat(a.isDevice()).isFalse();
        assertThat(a.host()).isEqualTo("10.0.0.5");
        assertThat(a.port()).isEqualTo(2400);
    }

    @Test
    void parse_tcpHostPort_yieldsHostAndPort() {
        TpmAddress a = TpmAddress.parse("tcp:127.0.0.1:2321");
        assertThat(a.host()).isEqualTo("127.0.0.1");
        assertThat(a.port()).isEqualTo(2321);
    }

    @Test
    void parse_nothing_defaultsToKernelResourceManager() {
        assertThat(TpmAddress.parse(null).device()).isEqualTo("/dev/tpmrm0");
    }

    @Test
    void parse_garbage_failsNamingTheAcceptedForms() {
        assertThatThrownBy(() -> TpmAddress.parse("tcp:nohostport"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("swtpm:host=HOST,port=PORT");
    }

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
    void attest_help_listsWatchOption() {
        StringWriter out = new StringWriter();
        Main.run(new PrintWriter(out), "attest", "--help");
        assertThat(out.toString()).contains("--watch=<watchSeconds>").contains("--pcrs=<pcrs>");
    }
}
