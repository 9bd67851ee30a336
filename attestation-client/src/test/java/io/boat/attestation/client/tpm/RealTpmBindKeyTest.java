package io.boat.attestation.client.tpm;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.testing.Swtpm;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bind keys made now by tpm2-tools in a fresh swtpm must have the names and policy digest computed
 * here, so the committed fixtures are not the only evidence. Fails without swtpm/tpm2-tools (CI installs them).
 */
class RealTpmBindKeyTest {
    private static Swtpm tpm;

    @BeforeAll
    static void createKeys() throws Exception {
        tpm = Swtpm.withBindKeys();
    }

    @AfterAll
    static void stopTpm() throws Exception {
        if (tpm != null) {
            tpm.close();
        }
    }

    @Test
    void freshKeys_namesAndPcrPolicy_matchTpm2Tools() throws Exception {
        TpmPublic bind = TpmPublic.parseSized(tpm.read("bind.pub"));
        TpmPublic pcrBind = TpmPublic.parseSized(tpm.read("pcrbind.pub"));
        PcrSelection selection = PcrSelection.parse(Files.readString(tpm.file("pcr.selection")));
        List<byte[]> values = selection.splitValues(tpm.read("pcr.values"));

        assertThat(bind.name()).isEqualTo(tpm.read("bind.name"));
        assertThat(pcrBind.name()).isEqualTo(tpm.read("pcrbind.name"));
        assertThat(PolicyPcr.digest(TpmAlg.SHA256, selection, values)).isEqualTo(tpm.read("pcr.policy"));
        assertThat(BindKeyRequirements.standard().withPcrPolicy(selection, values).violations(pcrBind)).isEmpty();
        assertThat(BindKeyRequirements.standard().violations(bind)).isEmpty();
    }
}
