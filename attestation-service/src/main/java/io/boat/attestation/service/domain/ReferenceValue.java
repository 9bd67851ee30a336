package io.boat.attestation.service.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One accepted SHA-256 value for one PCR in a host group's policy (several may exist per PCR). */
@Entity
@Table(name = "ATT_REFERENCE_VALUE")
public class ReferenceValue {
    @Id
    @Column(length = 36)
    private String id;
    @Column(length = 64, nullable = false)
    private String hostGroup;
    private int pcrIndex;
    @Column(length = 64, nullable = false)
    private String valueHex;

    public ReferenceValue() {
    }

    public ReferenceValue(String id, String hostGroup, int pcrIndex, String valueHex) {
        this.id = id;
        this.hostGroup = hostGroup;
        this.pcrIndex = pcrIndex;
        this.valueHex = valueHex;
    }

    public String getHostGroup() { return hostGroup; }
    public int getPcrIndex() { return pcrIndex; }
    public String getValueHex() { return valueHex; }
}
