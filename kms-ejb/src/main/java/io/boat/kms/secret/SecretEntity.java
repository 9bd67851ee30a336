package io.boat.kms.secret;

import io.boat.kms.project.ProjectId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A secret's row: Barbican's metadata plus the store's opaque metadata. Never holds plaintext. */
@Entity
@Table(name = "boat_secret", indexes = @Index(name = "boat_secret_project", columnList = "project_id,created"))
public class SecretEntity {

    @Id
    @Column(length = 36)
    String id;

    @Column(name = "project_id", nullable = false, length = 64)
    String projectId;

    @Column(name = "creator_id", length = 64)
    String creatorId;

    @Column(length = 255)
    String name;

    @Column(name = "secret_type", nullable = false, length = 16)
    String secretType;

    @Column(length = 64)
    String algorithm;

    @Column(name = "bit_length")
    Integer bitLength;

    @Column(length = 64)
    String mode;

    OffsetDateTime expiration;

    /** The payload's content type; null until a payload is stored (two-step create). */
    @Column(name = "content_type", length = 64)
    String contentType;

    @Column(nullable = false, length = 16)
    String status;

    @Column(nullable = false)
    OffsetDateTime created;

    @Column(nullable = false)
    OffsetDateTime updated;

    @Column(name = "store_name", length = 32)
    String storeName;

    @Lob
    @Column(name = "store_meta")
    String storeMeta;

    /**
     * Set when the secret's release policy requires attestation, so the payload read learns it from
     * the row it reads anyway; null (older rows) reads as false. The policy itself lives in its own table.
     */
    @Column(name = "attestation_required")
    Boolean attestationRequired;

    @Version
    long version;

    public String id() {
        return id;
    }

    public ProjectId projectId() {
        return new ProjectId(projectId);
    }

    public String creatorId() {
        return creatorId;
    }

    public boolean attestationRequired() {
        return Boolean.TRUE.equals(attestationRequired);
    }

    public void requireAttestation(boolean required) {
        attestationRequired = required;
    }

    public boolean hasPayload() {
        return contentType != null;
    }

    public boolean isExpired(OffsetDateTime now) {
        return expiration != null && !expiration.isAfter(now);
    }
}
