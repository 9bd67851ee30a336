package io.boat.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.BindKey;
import io.boat.agent.tpm.TpmAddress;
import io.boat.testing.Swtpm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tss.tpm.TPMA_OBJECT;
import tss.tpm.TPMT_PUBLIC;

/** Bind-key creation and registration in {@link Agent#enroll}, plain and PCR-bound, on a real swtpm. */
class AgentEnrollTest {
    private static Swtpm swtpm;

    @TempDir
    Path state;

    private final FakeAttestationApi service = new FakeAttestationApi(List.of(0, 2, 4));

    @BeforeAll
    static void start() throws Exception {
        swtpm = Swtpm.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (swtpm != null) {
            swtpm.close();
        }
    }

    private Agent.EnrollResult enroll(boolean pcrBound, List<Integer> pcrs) {
        return EnrolledHosts.enroll(swtpm, state, service, pcrBound, pcrs);
    }

    private static int attributes(byte[] publicArea) {
        return TPMT_PUBLIC.fromBytes(publicArea).objectAttributes.toInt();
    }

    @Test
    void enroll_pcrBoundWithoutPcrs_bindsToTheServicesPcrsAndCertifiesOverThatChallenge() {
        Agent.EnrollResult r = enroll(true, List.of());

        assertThat(r.bindKeyPcrs()).containsExactly(0, 2, 4);
        assertThat(service.nonces()).hasSize(1);
        FakeAttestationApi.Registration reg = service.registrations().get(0);
        assertThat(reg.nonce()).isEqualTo(service.nonces().get(0));
        assertThat(attributes(reg.bindPublic()) & TPMA_OBJECT.userWithAuth.toInt()).isZero();
        assertThat(TPMT_PUBLIC.fromBytes(reg.bindPublic()).authPolicy).hasSize(32);
        BindKey saved = new StateDir(state).bindKey().orElseThrow();
        assertThat(saved.nameHex()).isEqualTo(r.bindKeyName());
        try (AgentTpm tpm = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()))) {
            assertThat(saved.policyPcrValues()).usingRecursiveComparison().isEqualTo(tpm.readPcrs(new int[] {0, 2, 4}));
        }
    }

    @Test
    void enroll_plain_registersUserWithAuthKeyAndRecordsNoPcrs() {
        Agent.EnrollResult r = enroll(false, List.of());

        assertThat(r.bindKeyPcrs()).isEmpty();
        assertThat(attributes(service.registrations().get(0).bindPublic()) & TPMA_OBJECT.userWithAuth.toInt()).isNotZero();
        assertThat(new StateDir(state).bindKey().orElseThrow().pcrBound()).isFalse();
    }

    @Test
    void enroll_pcrBoundAfterPlain_replacesAndReregistersTheBindKey() {
        String plain = enroll(false, List.of()).bindKeyName();

        Agent.EnrollResult bound = enroll(true, List.of(7, 1));

        assertThat(bound.bindKeyName()).isNotEqualTo(plain);
        assertThat(bound.bindKeyPcrs()).containsExactly(1, 7);
        assertThat(service.registrations()).hasSize(2);
    }

    @Test
    void enroll_plainAfterPcrBound_keepsThePcrBoundKey() {
        Agent.EnrollResult bound = enroll(true, List.of(1));

        Agent.EnrollResult again = enroll(false, List.of());

        assertThat(again.bindKeyName()).isEqualTo(bound.bindKeyName());
        assertThat(again.bindKeyPcrs()).containsExactly(1);
        assertThat(service.registrations()).hasSize(1);
    }

    @Test
    void parsePcrs_bankPrefixAndDuplicates_sortedDistinct() {
        assertThat(Main.parsePcrs("sha256:7,0,1,7")).containsExactly(0, 1, 7);
        assertThat(Main.parsePcrs("3")).containsExactly(3);
        assertThat(Main.parsePcrs(null)).isEmpty();
    }

    @Test
    void parsePcrs_otherBankOrOutOfRange_refusedWithTheValue() {
        assertThatThrownBy(() -> Main.parsePcrs("sha1:0,1")).hasMessageContaining("sha1:0,1").hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> Main.parsePcrs("0,24")).hasMessageContaining("0 to 23");
    }
}
