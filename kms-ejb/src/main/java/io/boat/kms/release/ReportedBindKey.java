package io.boat.kms.release;

import io.boat.attestation.client.ReferencePcrs;
import io.boat.attestation.client.TrustReport;
import io.boat.attestation.client.tpm.BindKeyRequirements;
import io.boat.attestation.client.tpm.CertificationRejectedException;
import io.boat.attestation.client.tpm.KeyCertificationVerifier;
import io.boat.attestation.client.tpm.PcrSelection;
import io.boat.attestation.client.tpm.TpmAlg;
import io.boat.attestation.client.tpm.TpmFormatException;
import io.boat.attestation.client.tpm.TpmPublic;
import io.boat.attestation.client.tpm.UnusableBindKeyException;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bind-key evidence of a verified trust report, re-checked by BOAT itself rather than taken on the
 * service's word: the public area against {@link BindKeyRequirements}, the AK public area against the
 * AK name the request named, and the TPM2_Certify against both. The outcome, the RSA public key and
 * the release target are computed once per report (they depend only on the report) and live as long
 * as the report does in BOAT's report cache, so a cached report costs no signature verification,
 * public-area parsing or key building per release; the policy is still judged on every release.
 */
final class ReportedBindKey implements BindKeyEvidence {
    private final AkName akName;
    private final String akPublic;
    private final String bindPublic;
    private final String certifyInfo;
    private final String certifySignature;
    private final ReferencePcrs referencePcrs;
    private volatile Outcome outcome;
    /** The last target handed out: a cached report is released from many times under one report id. */
    private volatile BindKeyTarget target;

    /** Either the checked key (and its RSA public key, built once) or every reason it is unusable. */
    private record Outcome(TpmPublic key, RSAPublicKey rsa, String problem) {
    }

    private ReportedBindKey(AkName akName, TrustReport report) {
        this.akName = akName;
        this.akPublic = report.getAkPublic();
        this.bindPublic = report.getBindPublic();
        this.certifyInfo = report.getBindCertifyInfo();
        this.certifySignature = report.getBindCertifySignature();
        this.referencePcrs = report.getReferencePcrs();
    }

    /** The report's bind key, or null when the report has none. */
    static ReportedBindKey of(AkName akName, TrustReport report) {
        return report.getBindPublic() == null ? null : new ReportedBindKey(akName, report);
    }

    @Override
    public BindKeyTarget verifiedTarget(String reportId) {
        Outcome checked = outcome();
        if (checked.key() == null) {
            throw new ReleaseException(ReleaseException.Reason.UNUSABLE_BIND_KEY,
                "bind key of host " + akName + " is unusable: " + checked.problem());
        }
        BindKeyTarget t = target;
        if (t == null || !t.reportId().equals(reportId)) {
            t = new BindKeyTarget(checked.rsa(), checked.key().name(), reportId);
            target = t;
        }
        return t;
    }

    @Override
    public boolean pcrBound() {
        Outcome checked = outcome();
        if (checked.key() == null || referencePcrs == null || !ReferencePcrs.SHA256.equals(referencePcrs.getBank())) {
            return false;
        }
        try {
            Map<Integer, byte[]> values = new TreeMap<>();
            referencePcrs.getValues().forEach((pcr, hex) -> values.put(Integer.valueOf(pcr), HexFormat.of().parseHex(hex)));
            PcrSelection selection = PcrSelection.of(TpmAlg.SHA256, values.keySet().stream().mapToInt(i -> i).toArray());
            return BindKeyRequirements.standard().withPcrPolicy(selection, new ArrayList<>(values.values()))
                .violations(checked.key()).isEmpty();
        } catch (TpmFormatException | IllegalArgumentException e) {
            return false;
        }
    }

    private Outcome outcome() {
        Outcome o = outcome;
        if (o == null) {
            o = check();
            outcome = o;
        }
        return o;
    }

    private Outcome check() {
        try {
            TpmPublic ak = TpmPublic.parseSized(decode("akPublic", akPublic));
            if (!MessageDigest.isEqual(ak.name(), HexFormat.of().parseHex(akName.hex()))) {
                return new Outcome(null, null, "the report's AK public area is not the AK " + akName);
            }
            TpmPublic bind = TpmPublic.parseSized(decode("bindPublic", bindPublic));
            List<String> problems = BindKeyRequirements.standard().violations(bind);
            if (!problems.isEmpty()) {
                throw new UnusableBindKeyException(problems);
            }
            new KeyCertificationVerifier().verify(ak, bind.encoded(), decode("bindCertifyInfo", certifyInfo),
                decode("bindCertifySignature", certifySignature));
            return new Outcome(bind, bind.rsaPublicKey(), null);
        } catch (TpmFormatException | UnusableBindKeyException | CertificationRejectedException e) {
            return new Outcome(null, null, e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Outcome(null, null, e.getMessage());
        }
    }

    private static byte[] decode(String field, String base64) {
        if (base64 == null) {
            throw new IllegalArgumentException("the report has no " + field);
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the report's " + field + " is not base64");
        }
    }
}
