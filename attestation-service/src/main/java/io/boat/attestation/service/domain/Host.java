package io.boat.attestation.service.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A compute host known by its TPM: EK (certified by a trusted TPM CA), AK (trusted after credential
 * activation), certified bind key, operator-set group/location/asset tag, and the PCR values of its
 * last verified quote. The verdict is not stored: it is judged from those values against the group's
 * current reference values whenever a report is made, so operator changes take effect at once.
 * The activation secret is kept only until activation and never printed.
 */
@Entity
@Table(name = "ATT_HOST")
public class Host {
    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "AK_NAME", length = 68, unique = true, nullable = false)
    private String akName;
    @Lob
    private byte[] akPublic;
    @Lob
    private byte[] ekPublic;
    @Lob
    private byte[] ekCertificate;
    @Enumerated(EnumType.STRING)
    @Column(length = 24)
    private HostStatus status;
    private byte[] activationSecret;
    private OffsetDateTime activationExpiresAt;
    @Column(length = 255)
    private String hostname;
    @Column(length = 64)
    private String hostGroup = "default";
    @Column(length = 255)
    private String location;
    @Column(length = 255)
    private String assetTag;
    @Lob
    private byte[] bindPublic;
    @Column(length = 68)
    private String bindKeyName;
    /** The TPMS_ATTEST of the bind key's verified TPM2_Certify, kept so relying parties can re-check it. */
    @Lob
    private byte[] bindCertifyInfo;
    /** The AK's TPMT_SIGNATURE over {@link #bindCertifyInfo}. */
    @Lob
    private byte[] bindCertifySignature;
    /** SHA-256 PCR values of the last verified quote, "index=hex" comma-separated; null before the first. */
    @Lob
    private String verifiedPcrs;
    @Lob
    private String reasons;
    private OffsetDateTime verifiedAt;
    private OffsetDateTime trustExpiresAt;
    private OffsetDateTime createdAt;
    @Version
    private long version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getAkName() { return akName; }
    public void setAkName(String akName) { this.akName = akName; }
    public byte[] getAkPublic() { return akPublic; }
    public void setAkPublic(byte[] akPublic) { this.akPublic = akPublic; }
    public byte[] getEkPublic() { return ekPublic; }
    public void setEkPublic(byte[] ekPublic) { this.ekPublic = ekPublic; }
    public byte[] getEkCertificate() { return ekCertificate; }
    public void setEkCertificate(byte[] ekCertificate) { this.ekCertificate = ekCertificate; }
    public HostStatus getStatus() { return status; }
    public void setStatus(HostStatus status) { this.status = status; }
    public byte[] getActivationSecret() { return activationSecret; }
    public void setActivationSecret(byte[] activationSecret) { this.activationSecret = activationSecret; }
    public OffsetDateTime getActivationExpiresAt() { return activationExpiresAt; }
    public void setActivationExpiresAt(OffsetDateTime t) { this.activationExpiresAt = t; }
    public String getHostname() { return hostname; }
    public void setHostname(String hostname) { this.hostname = hostname; }
    public String getHostGroup() { return hostGroup; }
    public void setHostGroup(String hostGroup) { this.hostGroup = hostGroup; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public String getAssetTag() { return assetTag; }
    public void setAssetTag(String assetTag) { this.assetTag = assetTag; }
    public byte[] getBindPublic() { return bindPublic; }
    public void setBindPublic(byte[] bindPublic) { this.bindPublic = bindPublic; }
    public String getBindKeyName() { return bindKeyName; }
    public void setBindKeyName(String bindKeyName) { this.bindKeyName = bindKeyName; }
    public byte[] getBindCertifyInfo() { return bindCertifyInfo; }
    public void setBindCertifyInfo(byte[] bindCertifyInfo) { this.bindCertifyInfo = bindCertifyInfo; }
    public byte[] getBindCertifySignature() { return bindCertifySignature; }
    public void setBindCertifySignature(byte[] signature) { this.bindCertifySignature = signature; }
    public Optional<SortedMap<Integer, byte[]>> getVerifiedPcrs() {
        if (verifiedPcrs == null) {
            return Optional.empty();
        }
        SortedMap<Integer, byte[]> out = new TreeMap<>();
        for (String entry : verifiedPcrs.split(",")) {
            int eq = entry.indexOf('=');
            out.put(Integer.parseInt(entry.substring(0, eq)), HexFormat.of().parseHex(entry.substring(eq + 1)));
        }
        return Optional.of(out);
    }
    public void setVerifiedPcrs(Map<Integer, byte[]> values) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(values).forEach((pcr, v) ->
            b.append(b.length() == 0 ? "" : ",").append(pcr).append('=').append(HexFormat.of().formatHex(v)));
        this.verifiedPcrs = b.toString();
    }
    public List<String> getReasons() {
        return reasons == null || reasons.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(reasons.split("\n")));
    }
    public void setReasons(List<String> reasons) { this.reasons = String.join("\n", reasons); }
    public OffsetDateTime getVerifiedAt() { return verifiedAt; }
    public void setVerifiedAt(OffsetDateTime verifiedAt) { this.verifiedAt = verifiedAt; }
    public OffsetDateTime getTrustExpiresAt() { return trustExpiresAt; }
    public void setTrustExpiresAt(OffsetDateTime t) { this.trustExpiresAt = t; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }

    @Override
    public String toString() {
        return "Host[id=" + id + ", akName=" + akName + ", status=" + status + "]";
    }
}
