package io.boat.kms.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.attestation.client.ReferencePcrs;
import io.boat.attestation.client.TrustReport;
import io.boat.attestation.client.tpm.PcrSelection;
import io.boat.testing.Swtpm;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BOAT's own re-check of a report's bind-key evidence, against keys, AKs and TPM2_Certify outputs that
 * tpm2-tools made in a real swtpm (deploy/tpm/bind-key-fixtures.sh), so the checked format is the TPM's.
 */
class ReportedBindKeyTest {
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

    private static String b64(String file) throws Exception {
        return Base64.getEncoder().encodeToString(tpm.read(file));
    }

    private static AkName akName(String ak) throws Exception {
        return new AkName(HexFormat.of().formatHex(tpm.read(ak + ".name")));
    }

    /** A report whose evidence is {@code key} certified as {@code certifiedAs} was, presented with {@code ak}'s public area. */
    private static TrustReport report(String key, String certifiedAs, String ak) throws Exception {
        TrustReport r = new TrustReport();
        r.setAkPublic(b64(ak + ".pub"));
        r.setBindPublic(b64(key + ".pub"));
        r.setBindCertifyInfo(b64(certifiedAs + ".certify"));
        r.setBindCertifySignature(b64(certifiedAs + ".certsig"));
        r.setReferencePcrs(referencePcrs());
        return r;
    }

    private static TrustReport report(String key) throws Exception {
        return report(key, key, "ak");
    }

    /** The PCR values the pcrbind key's policy was made over, as a trust report states them. */
    private static ReferencePcrs referencePcrs() throws Exception {
        PcrSelection selection = PcrSelection.parse(Files.readString(tpm.file("pcr.selection")).strip());
        List<byte[]> values = selection.splitValues(tpm.read("pcr.values"));
        Map<String, String> byPcr = new TreeMap<>();
        int i = 0;
        for (int pcr : selection.banks().values().iterator().next()) {
            byPcr.put(Integer.toString(pcr), HexFormat.of().formatHex(values.get(i++)));
        }
        return new ReferencePcrs(ReferencePcrs.SHA256, byPcr);
    }

    private static ReportedBindKey evidence(TrustReport r, String ak) throws Exception {
        return ReportedBindKey.of(akName(ak), r);
    }

    private static void assertUnusable(ReportedBindKey evidence, String why) {
        assertThatThrownBy(() -> evidence.verifiedTarget("report-1"))
            .isInstanceOfSatisfying(ReleaseException.class,
                e -> assertThat(e.reason()).isEqualTo(ReleaseException.Reason.UNUSABLE_BIND_KEY))
            .hasMessageContaining(why);
    }

    @Test
    void verifiedTarget_certifiedBindKey_isTheKeyTheTpmNamed() throws Exception {
        BindKeyTarget target = evidence(report("bind"), "ak").verifiedTarget("report-1");

        assertThat(target.nameHex()).isEqualTo(HexFormat.of().formatHex(tpm.read("bind.name")));
        assertThat(target.reportId()).isEqualTo("report-1");
        assertThat(target.publicKey().getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void verifiedTarget_againForTheSameReport_isTheSameTarget_anotherReportIdGetsItsOwn() throws Exception {
        ReportedBindKey evidence = evidence(report("bind"), "ak");
        BindKeyTarget first = evidence.verifiedTarget("report-1");

        assertThat(evidence.verifiedTarget("report-1")).isSameAs(first);
        BindKeyTarget other = evidence.verifiedTarget("report-2");
        assertThat(other.reportId()).isEqualTo("report-2");
        assertThat(other.publicKey()).isEqualTo(first.publicKey());
        assertThat(evidence.verifiedTarget("report-2")).isSameAs(other);
    }

    @Test
    void verifiedTarget_unusableKey_refusedOnEveryCall() throws Exception {
        ReportedBindKey evidence = evidence(report("migratable"), "ak");

        assertUnusable(evidence, "fixedTPM");
        assertUnusable(evidence, "fixedTPM");
    }

    @Test
    void verifiedTarget_migratableKey_isUnusable() throws Exception {
        assertUnusable(evidence(report("migratable"), "ak"), "fixedTPM");
    }

    @Test
    void verifiedTarget_restrictedDecryptionKey_isUnusable() throws Exception {
        assertUnusable(evidence(report("restricted"), "ak"), "restricted");
    }

    @Test
    void verifiedTarget_signingKey_isUnusable() throws Exception {
        assertUnusable(evidence(report("sign"), "ak"), "sign");
    }

    @Test
    void verifiedTarget_certifiedByAnotherAk_isUnusable() throws Exception {
        assertUnusable(evidence(report("bind", "bind", "ak2"), "ak2"), "not signed by the host's AK");
    }

    @Test
    void verifiedTarget_akPublicAreaNotTheNamedAk_isUnusable() throws Exception {
        assertUnusable(evidence(report("bind"), "ak2"), "is not the AK");
    }

    @Test
    void verifiedTarget_tamperedCertifyInfo_isUnusable() throws Exception {
        TrustReport r = report("bind");
        byte[] attest = tpm.read("bind.certify");
        attest[attest.length - 40] ^= 1;
        r.setBindCertifyInfo(Base64.getEncoder().encodeToString(attest));

        assertUnusable(evidence(r, "ak"), "not signed by the host's AK");
    }

    @Test
    void verifiedTarget_certificationOfAnotherKey_isUnusable() throws Exception {
        assertUnusable(evidence(report("bind", "pcrbind", "ak"), "ak"), "certified name does not match");
    }

    @Test
    void verifiedTarget_reportWithoutCertification_isUnusable() throws Exception {
        TrustReport r = report("bind");
        r.setBindCertifySignature(null);

        assertUnusable(evidence(r, "ak"), "no bindCertifySignature");
    }

    @Test
    void of_reportWithoutBindKey_isNull() throws Exception {
        TrustReport r = report("bind");
        r.setBindPublic(null);

        assertThat(evidence(r, "ak")).isNull();
    }

    @Test
    void pcrBound_keyMadeWithPolicyPcrAndNoUserWithAuth_isTrue() throws Exception {
        ReportedBindKey evidence = evidence(report("pcrbind"), "ak");

        assertThat(evidence.pcrBound()).isTrue();
        assertThat(evidence.verifiedTarget("report-1").nameHex())
            .isEqualTo(HexFormat.of().formatHex(tpm.read("pcrbind.name")));
    }

    @Test
    void pcrBound_ordinaryKey_isFalse() throws Exception {
        assertThat(evidence(report("bind"), "ak").pcrBound()).isFalse();
    }

    @Test
    void pcrBound_otherReferenceValues_isFalse() throws Exception {
        TrustReport r = report("pcrbind");
        Map<String, String> values = new TreeMap<>(r.getReferencePcrs().getValues());
        values.put("7", "00".repeat(32));
        r.setReferencePcrs(new ReferencePcrs(ReferencePcrs.SHA256, values));

        assertThat(evidence(r, "ak").pcrBound()).isFalse();
    }

    @Test
    void pcrBound_groupWithoutReferenceValues_isFalse() throws Exception {
        TrustReport r = report("pcrbind");
        r.setReferencePcrs(null);

        assertThat(evidence(r, "ak").pcrBound()).isFalse();
    }
}
