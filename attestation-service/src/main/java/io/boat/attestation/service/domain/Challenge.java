package io.boat.attestation.service.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A single-use nonce issued to one host, valid until {@code expiresAt}; deleted when used. */
@Entity
@Table(name = "ATT_CHALLENGE")
public class Challenge {
    @Id
    @Column(length = 64)
    private String nonce;
    @Column(length = 36, nullable = false)
    private String hostId;
    private OffsetDateTime expiresAt;

    public Challenge() {
    }

    public Challenge(String nonce, String hostId, OffsetDateTime expiresAt) {
        this.nonce = nonce;
        this.hostId = hostId;
        this.expiresAt = expiresAt;
    }

    public String getNonce() { return nonce; }
    public String getHostId() { return hostId; }
    public OffsetDateTime getExpiresAt() { return expiresAt; }
}
