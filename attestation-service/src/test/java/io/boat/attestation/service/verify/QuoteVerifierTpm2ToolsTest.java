package io.boat.attestation.service.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.attestation.client.tpm.TpmPublic;
import io.boat.testing.Swtpm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JCE quote verifier against quotes produced by tpm2-tools (an independent TPM stack) on a real swtpm. */
class QuoteVerifierTpm2ToolsTest {
    private static final byte[] NONCE = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    private static Swtpm swtpm;
    private static TpmPublic ak;
    private static QuoteVerifier.Evidence evidence;
    private final QuoteVerifier verifier = new QuoteVerifier();

    @BeforeAll
    static void quoteWithTpm2Tools() throws Exception {
        swtpm = Swtpm.start();
        Path d = swtpm.dir();
        swtpm.tpm2("tpm2_createek", "-c", "ek.ctx", "-G", "rsa", "-u", "ek.pub");
        swtpm.tpm2("tpm2_createak", "-C", "ek.ctx", "-c", "ak.ctx", "-G", "rsa", "-g", "sha256", "-s", "rsassa",
            "-u", "ak.pub", "-n", "ak.name");
        swtpm.tpm2("tpm2_flushcontext", "-t");
        swtpm.tpm2("tpm2_pcrextend", "16:sha256=" + "ab".repeat(32));
        swtpm.tpm2("tpm2_quote", "-c", "ak.ctx", "-l", "sha256:0,1,7,16", "-q", HexFormat.of().formatHex(NONCE),
            "-m", "quote.msg", "-s", "quote.sig", "-o", "quote.pcrs", "-F", "values", "-g", "sha256");
        swtpm.tpm2("tpm2_flushcontext", "-t");
        ak = TpmPublic.parseSized(Files.readAllBytes(d.resolve("ak.pub")));
        byte[] pcrs = Files.readAllBytes(d.resolve("quote.pcrs"));
        Map<Integer, byte[]> values = new TreeMap<>();
        int[] indexes = {0, 1, 7, 16};
        for (int i = 0; i < indexes.length; i++) {
            values.put(indexes[i], Arrays.copyOfRange(pcrs, i * 32, i * 32 + 32));
        }
        evidence = new QuoteVerifier.Evidence(Files.readAllBytes(d.resolve("quote.msg")),
            Files.readAllBytes(d.resolve("quote.sig")), values);
    }

    @AfterAll
    static void stop() throws Exception {
        if (swtpm != null) {
            swtpm.close();
        }
    }

    @Test
    void akName_tpm2ToolsAk_matchesNameReportedByTpm2Tools() throws Exception {
        assertThat(ak.name()).isEqualTo(Files.readAllBytes(swtpm.dir().resolve("ak.name")));
    }

    @Test
    void verify_tpm2ToolsQuote_returnsQuotedPcrValues() throws Exception {
        QuoteVerifier.VerifiedQuote q = verifier.verify(ak, NONCE, evidence);
        assertThat(q.pcrValues()).containsOnlyKeys(0, 1, 7, 16);
        assertThat(HexFormat.of().formatHex(q.pcrValues().get(16)))
            .isEqualTo(HexFormat.of().formatHex(sha256(new byte[32], HexFormat.of().parseHex("ab".repeat(32)))));
    }

    @Test
    void verify_tamperedAttestByte_isRejectedForSignature() {
        byte[] attest = evidence.attest().clone();
        attest[attest.length - 1] ^= 1;
        assertThatThrownBy(() -> verifier.verify(ak, NONCE, new QuoteVerifier.Evidence(attest, evidence.signature(),
            evidence.pcrValues()))).isInstanceOf(EvidenceRejectedException.class).hasMessageContaining("signature");
    }

    @Test
    void verify_tamperedSignature_isRejected() {
        byte[] sig = evidence.signature().clone();
        sig[sig.length - 5] ^= 1;
        assertThatThrownBy(() -> verifier.verify(ak, NONCE, new QuoteVerifier.Evidence(evidence.attest(), sig,
            evidence.pcrValues()))).isInstanceOf(EvidenceRejectedException.class).hasMessageContaining("signature");
    }

    @Test
    void verify_tamperedPcrValue_isRejectedForDigest() {
        Map<Integer, byte[]> values = new TreeMap<>(evidence.pcrValues());
        values.put(7, new byte[32]);
        values.put(0, HexFormat.of().parseHex("01".repeat(32)));
        assertThatThrownBy(() -> verifier.verify(ak, NONCE, new QuoteVerifier.Evidence(evidence.attest(),
            evidence.signature(), values))).isInstanceOf(EvidenceRejectedException.class)
            .hasMessageContaining("PCR digest");
    }

    @Test
    void verify_pcrOmittedFromReport_isRejectedForSelection() {
        Map<Integer, byte[]> values = new TreeMap<>(evidence.pcrValues());
        values.remove(16);
        assertThatThrownBy(() -> verifier.verify(ak, NONCE, new QuoteVerifier.Evidence(evidence.attest(),
            evidence.signature(), values))).isInstanceOf(EvidenceRejectedException.class)
            .hasMessageContaining("differ from the PCRs selected");
    }

    @Test
    void verify_otherNonce_isRejected() {
        byte[] other = NONCE.clone();
        other[0] ^= 1;
        assertThatThrownBy(() -> verifier.verify(ak, other, evidence))
            .isInstanceOf(EvidenceRejectedException.class).hasMessageContaining("nonce");
    }

    @Test
    void verify_truncatedAttest_isRejectedAsMalformed() {
        byte[] attest = Arrays.copyOf(evidence.attest(), 40);
        assertThatThrownBy(() -> verifier.verify(ak, NONCE, new QuoteVerifier.Evidence(attest, evidence.signature(),
            evidence.pcrValues()))).isInstanceOf(EvidenceRejectedException.class).hasMessageContaining("malformed");
    }

    private static byte[] sha256(byte[] a, byte[] b) throws Exception {
        var md = java.security.MessageDigest.getInstance("SHA-256");
        md.update(a);
        return md.digest(b);
    }
}
