package io.boat.attestation.client;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The attestation service's verdict on one host: trusted or not, with every reason when not, the
 * host's AK name, its certified bind public key and operator-set location, and its validity window.
 * A report is only valid between {@code verifiedAt} and {@code expiresAt}. It also carries the
 * evidence a relying party needs to re-check the bind key itself: the AK's and the bind key's public
 * areas, the TPM2_Certify the service verified, and the reference PCR values the host was judged against.
 */
public class TrustReport {
    /** Random per report; also the JWS {@code jti}. */
    private String reportId;
    private String hostId;
    private String akName;
    private boolean trusted;
    private List<String> reasons = new ArrayList<>();
    /** Bind key as X.509 SubjectPublicKeyInfo DER, base64; null when none is certified. */
    private String bindPublicKey;
    /** Bind key's TPM name (hex), to match what the agent loads. */
    private String bindKeyName;
    private String location;
    private String assetTag;
    private String hostGroup;
    /** Digest of the host group's reference values this report was judged against; null when the group has none. */
    private String policyVersion;
    private OffsetDateTime verifiedAt;
    private OffsetDateTime expiresAt;
    /** The host's AK as a TPM2B_PUBLIC, base64. */
    private String akPublic;
    /** The certified bind key's whole public area (authPolicy included) as a TPM2B_PUBLIC, base64; null when none. */
    private String bindPublic;
    /** The TPMS_ATTEST of the TPM2_Certify of the bind key by the AK, base64; null when none. */
    private String bindCertifyInfo;
    /** The TPMT_SIGNATURE over {@code bindCertifyInfo} by the AK, base64; null when none. */
    private String bindCertifySignature;
    /** The host group's reference PCR values this report was judged against; null when the group has none. */
    private ReferencePcrs referencePcrs;

    public String getReportId() { return reportId; }
    public void setReportId(String reportId) { this.reportId = reportId; }

    public String getHostId() { return hostId; }
    public void setHostId(String hostId) { this.hostId = hostId; }
    public String getAkName() { return akName; }
    public void setAkName(String akName) { this.akName = akName; }
    public boolean isTrusted() { return trusted; }
    public void setTrusted(boolean trusted) { this.trusted = trusted; }
    public List<String> getReasons() { return reasons; }
    public void setReasons(List<String> reasons) { this.reasons = reasons; }
    public String getBindPublicKey() { return bindPublicKey; }
    public void setBindPublicKey(String bindPublicKey) { this.bindPublicKey = bindPublicKey; }
    public String getBindKeyName() { return bindKeyName; }
    public void setBindKeyName(String bindKeyName) { this.bindKeyName = bindKeyName; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public String getAssetTag() { return assetTag; }
    public void setAssetTag(String assetTag) { this.assetTag = assetTag; }
    public String getHostGroup() { return hostGroup; }
    public void setHostGroup(String hostGroup) { this.hostGroup = hostGroup; }
    public String getPolicyVersion() { return policyVersion; }
    public void setPolicyVersion(String policyVersion) { this.policyVersion = policyVersion; }
    public OffsetDateTime getVerifiedAt() { return verifiedAt; }
    public void setVerifiedAt(OffsetDateTime verifiedAt) { this.verifiedAt = verifiedAt; }
    public OffsetDateTime getExpiresAt() { return expiresAt; }
    public void setExpiresAt(OffsetDateTime expiresAt) { this.expiresAt = expiresAt; }
    public String getAkPublic() { return akPublic; }
    public void setAkPublic(String akPublic) { this.akPublic = akPublic; }
    public String getBindPublic() { return bindPublic; }
    public void setBindPublic(String bindPublic) { this.bindPublic = bindPublic; }
    public String getBindCertifyInfo() { return bindCertifyInfo; }
    public void setBindCertifyInfo(String bindCertifyInfo) { this.bindCertifyInfo = bindCertifyInfo; }
    public String getBindCertifySignature() { return bindCertifySignature; }
    public void setBindCertifySignature(String bindCertifySignature) { this.bindCertifySignature = bindCertifySignature; }
    public ReferencePcrs getReferencePcrs() { return referencePcrs; }
    public void setReferencePcrs(ReferencePcrs referencePcrs) { this.referencePcrs = referencePcrs; }

    @Override
    public String toString() {
        return "TrustReport[reportId=" + reportId + ", akName=" + akName + ", trusted=" + trusted + ", reasons=" + reasons + "]";
    }
}
