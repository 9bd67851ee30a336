package io.boat.agent.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.BindKey;
import io.boat.agent.tpm.KeyBlob;
import io.boat.agent.tpm.PcrPolicyFailedException;
import io.boat.agent.tpm.Templates;
import io.boat.agent.tpm.TpmAddress;
import io.boat.testing.Swtpm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tss.TpmException;
import tss.tpm.TPMA_OBJECT;
import tss.tpm.TPMT_PUBLIC;

/**
 * The agent's TPM unwrap path on a real swtpm, against wrapped keys made by independent producers: Nimbus
 * for the JWE, the JDK's OAEP for the raw block, tpm2_createpolicy for the PCR-bound key's policy.
 */
class BindKeyUnwrapperTpmTest {
    private static final List<Integer> POLICY_PCRS = List.of(0, 1, 7);
    private static Swtpm swtpm;
    private static BindKey bind;

    @BeforeAll
    static void start() throws Exception {
        swtpm = Swtpm.start();
        try (AgentTpm tpm = open()) {
            bind = new BindKey(tpm.createBindKey(Templates.BIND_KEY_ATTRIBUTES), new TreeMap<>());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (swtpm != null) {
            swtpm.close();
        }
    }

    /** swtpm serves one connection at a time, so each step opens its own and closes it before tpm2-tools runs. */
    private static AgentTpm open() {
        return AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()));
    }

    private static byte[] unwrap(BindKey key, WrapFormat format, byte[] answer) {
        try (AgentTpm tpm = open()) {
            return new BindKeyUnwrapper(tpm, key).unwrap(format, answer);
        }
    }

    @Test
    void jwe_nimbusToBindKey_unwrapsToExactBytes() throws Exception {
        byte[] secret = WrappedKeys.secret(32);
        String jwe = WrappedKeys.nimbusJwe(bind.blob(), bind.nameHex(), secret);
        assertThat(unwrap(bind, WrapFormat.JWE, jwe.getBytes(StandardCharsets.US_ASCII))).isEqualTo(secret);
    }

    @Test
    void jwe_secretLargerThanOneRsaBlock_unwraps() throws Exception {
        byte[] secret = WrappedKeys.secret(1000);
        assertThat(unwrap(bind, WrapFormat.JWE, WrappedKeys.nimbusJwe(bind.blob(), bind.nameHex(), secret).getBytes(StandardCharsets.US_ASCII)))
            .isEqualTo(secret);
    }

    @Test
    void raw_jdkOaepWithTpm2Label_unwrapsToExactBytes() throws Exception {
        byte[] secret = WrappedKeys.secret(32);
        assertThat(unwrap(bind, WrapFormat.RAW, WrappedKeys.jdkRawWrap(bind.blob(), secret))).isEqualTo(secret);
    }

    @Test
    void raw_blockWithEmptyLabel_refusedByTpm() throws Exception {
        byte[] block = WrappedKeys.jdkOaep(bind.blob(), WrappedKeys.secret(32), new byte[0]);
        assertThatThrownBy(() -> unwrap(bind, WrapFormat.RAW, block)).isInstanceOf(TpmException.class);
    }

    @Test
    void jwe_kidOfAnotherKey_refusedAsKidMismatch() throws Exception {
        String other = "000b" + "ab".repeat(32);
        String jwe = WrappedKeys.nimbusJwe(bind.blob(), other, WrappedKeys.secret(32));
        assertThatThrownBy(() -> unwrap(bind, WrapFormat.JWE, jwe.getBytes(StandardCharsets.US_ASCII)))
            .isInstanceOfSatisfying(WrappedKeyRejectedException.class, e -> {
                assertThat(e.reason()).isEqualTo(WrappedKeyRejectedException.Reason.KID_MISMATCH);
                assertThat(e.getMessage()).contains(other).contains(bind.nameHex());
            });
    }

    @Test
    void jwe_tamperedCiphertext_refusedAsIntegrity() throws Exception {
        String[] parts = WrappedKeys.nimbusJwe(bind.blob(), bind.nameHex(), WrappedKeys.secret(32)).split("\\.");
        byte[] ct = Base64.getUrlDecoder().decode(parts[3]);
        ct[0] ^= 1;
        parts[3] = Base64.getUrlEncoder().withoutPadding().encodeToString(ct);
        assertRefusedAsIntegrity(parts);
    }

    @Test
    void jwe_headerReportIdSwapped_refusedAsIntegrity() throws Exception {
        String[] parts = WrappedKeys.nimbusJwe(bind.blob(), bind.nameHex(), WrappedKeys.secret(32)).split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).replace(WrappedKeys.REPORT_ID, "report-2");
        parts[0] = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8));
        assertRefusedAsIntegrity(parts);
    }

    private static void assertRefusedAsIntegrity(String[] jweParts) {
        byte[] tampered = String.join(".", jweParts).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> unwrap(bind, WrapFormat.JWE, tampered))
            .isInstanceOfSatisfying(WrappedKeyRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(WrappedKeyRejectedException.Reason.INTEGRITY));
    }

    @Test
    void pcrBoundKey_publicArea_hasUserWithAuthClearAndTpm2ToolsPolicy() throws Exception {
        KeyBlob key;
        try (AgentTpm tpm = open()) {
            key = tpm.createPcrBoundBindKey(POLICY_PCRS);
        }
        byte[] expected = policyFromTpm2Tools();
        TPMT_PUBLIC pub = TPMT_PUBLIC.fromBytes(key.publicArea());
        int attrs = pub.objectAttributes.toInt();
        assertThat(attrs & TPMA_OBJECT.userWithAuth.toInt()).isZero();
        assertThat(attrs & TPMA_OBJECT.adminWithPolicy.toInt()).isZero();
        assertThat(attrs).isEqualTo(TPMA_OBJECT.fixedTPM.toInt() | TPMA_OBJECT.fixedParent.toInt()
            | TPMA_OBJECT.sensitiveDataOrigin.toInt() | TPMA_OBJECT.decrypt.toInt());
        assertThat(pub.authPolicy).isEqualTo(expected);
    }

    @Test
    void pcrBoundKey_unwrapsUntilPolicyPcrExtended_thenTpmRefusesNamingThePcr() throws Exception {
        BindKey pcrBound;
        try (AgentTpm tpm = open()) {
            pcrBound = new BindKey(tpm.createPcrBoundBindKey(POLICY_PCRS), tpm.readPcrs(new int[] {0, 1, 7}));
        }
        byte[] secret = WrappedKeys.secret(32);
        assertThat(unwrap(pcrBound, WrapFormat.RAW, WrappedKeys.jdkRawWrap(pcrBound.blob(), secret))).isEqualTo(secret);
        assertThat(unwrap(pcrBound, WrapFormat.JWE, WrappedKeys.nimbusJwe(pcrBound.blob(), pcrBound.nameHex(), secret)
            .getBytes(StandardCharsets.US_ASCII))).isEqualTo(secret);

        swtpm.tpm2("tpm2_pcrextend", "7:sha256=" + "42".repeat(32));

        byte[] wrapped = WrappedKeys.jdkRawWrap(pcrBound.blob(), secret);
        assertThatThrownBy(() -> unwrap(pcrBound, WrapFormat.RAW, wrapped))
            .isInstanceOfSatisfying(PcrPolicyFailedException.class, e -> {
                assertThat(e.pcrs()).containsExactly(7);
                assertThat(e.getMessage()).contains("PCR 7 has changed since enrollment").contains("TPM_RC_POLICY_FAIL");
            });
    }

    @Test
    void pcrBoundKey_passwordSession_refusedByTpm() throws Exception {
        try (AgentTpm tpm = open()) {
            KeyBlob key = tpm.createPcrBoundBindKey(POLICY_PCRS);
            byte[] block = WrappedKeys.jdkRawWrap(key, WrappedKeys.secret(32));
            // userWithAuth is clear: the empty password does not authorise use, only the policy does.
            assertThatThrownBy(() -> tpm.unwrap(key, block, "TPM2", List.of())).isInstanceOf(TpmException.class)
                .hasMessageContaining("AUTH_UNAVAILABLE");
        }
    }

    @Test
    void pcrBoundKey_certifiedByAk_attestationNamesTheKey() throws Exception {
        try (AgentTpm tpm = open()) {
            KeyBlob ak = tpm.createAttestationKey();
            KeyBlob key = tpm.createPcrBoundBindKey(POLICY_PCRS);
            AgentTpm.Signed cert = tpm.certify(key, ak, new byte[] {1, 2, 3});
            assertThat(indexOf(cert.attest(), key.name())).isPositive();
        }
    }

    /** tpm2_createpolicy over the same PCRs' current values in the same swtpm: a digest computed outside the agent. */
    private static byte[] policyFromTpm2Tools() throws Exception {
        var out = swtpm.dir().resolve("agent-pcr.policy");
        swtpm.tpm2("tpm2_createpolicy", "-Q", "--policy-pcr", "-l", "sha256:0,1,7", "-L", out.toString());
        swtpm.tpm2("tpm2_flushcontext", "-s");
        return Files.readAllBytes(out);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
