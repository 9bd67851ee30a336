package io.boat.kms.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.agent.release.BindKeyUnwrapper;
import io.boat.agent.release.CompactJwe;
import io.boat.agent.release.WrappedKeyRejectedException;
import io.boat.agent.release.WrappedKeys;
import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.BindKey;
import io.boat.agent.tpm.PcrPolicyFailedException;
import io.boat.agent.tpm.Templates;
import io.boat.agent.tpm.TpmAddress;
import io.boat.kms.crypto.SecretBytes;
import io.boat.testing.Swtpm;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two halves of the release contract meet: what BOAT's {@link JweWrap} and {@link TpmOaepWrap} produce
 * for a bind key the agent created in a real swtpm is what the agent's TPM unwrap path recovers, byte
 * for byte, including through a PCR-bound key's policy session.
 */
class AgentUnwrapsReleaseTest {
    private static Swtpm swtpm;
    private static BindKey plain;
    private static BindKey pcrBound;

    @BeforeAll
    static void start() throws Exception {
        swtpm = Swtpm.start();
        try (AgentTpm tpm = open()) {
            plain = new BindKey(tpm.createBindKey(Templates.BIND_KEY_ATTRIBUTES), new TreeMap<>());
            pcrBound = new BindKey(tpm.createPcrBoundBindKey(List.of(0, 7)), tpm.readPcrs(new int[] {0, 7}));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (swtpm != null) {
            swtpm.close();
        }
    }

    private static AgentTpm open() {
        return AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()));
    }

    private static BindKeyTarget target(BindKey key) throws Exception {
        return new BindKeyTarget(WrappedKeys.publicKey(key.blob()), key.blob().name(), "report-42");
    }

    @Test
    void jweWrap_agentUnwrapsInTpm_exactBytesAndKidAndReportId() throws Exception {
        byte[] secret = WrappedKeys.secret(32);
        String jwe = JweWrap.wrap(SecretBytes.copyOf(secret), target(plain));

        assertThat(CompactJwe.parse(jwe).kid()).isEqualTo(plain.nameHex());
        assertThat(CompactJwe.parse(jwe).reportId()).isEqualTo("report-42");
        try (AgentTpm tpm = open()) {
            assertThat(new BindKeyUnwrapper(tpm, plain).jwe(jwe)).isEqualTo(secret);
        }
    }

    @Test
    void rawWrap_agentUnwrapsInTpm_exactBytes() throws Exception {
        byte[] secret = WrappedKeys.secret(TpmOaepWrap.maxSecretBytes(target(plain)));
        byte[] block = TpmOaepWrap.wrap(SecretBytes.copyOf(secret), target(plain));
        try (AgentTpm tpm = open()) {
            assertThat(new BindKeyUnwrapper(tpm, plain).raw(block)).isEqualTo(secret);
        }
    }

    @Test
    void jweWrapToOtherKey_agentRefusesAsKidMismatch() throws Exception {
        String jwe = JweWrap.wrap(SecretBytes.copyOf(WrappedKeys.secret(32)), target(pcrBound));
        try (AgentTpm tpm = open()) {
            assertThatThrownBy(() -> new BindKeyUnwrapper(tpm, plain).jwe(jwe)).isInstanceOfSatisfying(
                WrappedKeyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(WrappedKeyRejectedException.Reason.KID_MISMATCH));
        }
    }

    @Test
    void pcrBoundKey_unwrapsBoatsJweUntilPcrExtended() throws Exception {
        byte[] secret = WrappedKeys.secret(32);
        String jwe = JweWrap.wrap(SecretBytes.copyOf(secret), target(pcrBound));
        try (AgentTpm tpm = open()) {
            assertThat(new BindKeyUnwrapper(tpm, pcrBound).jwe(jwe)).isEqualTo(secret);
        }

        swtpm.tpm2("tpm2_pcrextend", "0:sha256=" + "ab".repeat(32));

        try (AgentTpm tpm = open()) {
            assertThatThrownBy(() -> new BindKeyUnwrapper(tpm, pcrBound).jwe(jwe))
                .isInstanceOfSatisfying(PcrPolicyFailedException.class, e -> assertThat(e.pcrs()).containsExactly(0));
        }
    }
}
