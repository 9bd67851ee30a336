package io.boat.kms.order;

import io.boat.kms.project.ProjectId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** An order as persisted before any processing, so an acknowledged order survives a crash. */
@Entity
@Table(name = "boat_order", indexes = {
        @Index(name = "boat_order_project", columnList = "project_id,created"),
        @Index(name = "boat_order_status", columnList = "status,updated")})
public class OrderEntity {

    @Id
    @Column(length = 36)
    String id;

    @Column(name = "project_id", nullable = false, length = 64)
    String projectId;

    @Column(name = "creator_id", length = 64)
    String creatorId;

    @Column(name = "order_type", nullable = false, length = 16)
    String type;

    /** The request's {@code meta} object as the client sent it (validated), echoed on reads. */
    @Lob
    @Column(name = "meta_json", nullable = false)
    String metaJson;

    @Column(length = 255)
    String name;

    @Column(nullable = false, length = 64)
    String algorithm;

    @Column(name = "bit_length", nullable = false)
    int bitLength;

    @Column(length = 64)
    String mode;

    @Column(name = "payload_content_type", length = 64)
    String payloadContentType;

    OffsetDateTime expiration;

    @Column(nullable = false, length = 16)
    String status;

    @Column(name = "error_status_code")
    Integer errorStatusCode;

    @Column(name = "error_reason", length = 255)
    String errorReason;

    @Column(name = "secret_id", length = 36)
    String secretId;

    /**
     * The key an attempt generated in the store but has not yet turned into a secret: recorded in
     * its own transaction right after generation, so a later attempt reuses it instead of making
     * another, and whoever ends the order without it destroys it.
     */
    @Column(name = "generated_secret_id", length = 36)
    String generatedSecretId;

    @Lob
    @Column(name = "generated_store_meta")
    String generatedStoreMeta;

    /** The release policy the generated secret is born with ({@code ReleasePolicyCodec} JSON), or null. */
    @Lob
    @Column(name = "release_policy")
    String releasePolicy;

    @Column(nullable = false)
    int attempts;

    @Column(nullable = false)
    OffsetDateTime created;

    @Column(nullable = false)
    OffsetDateTime updated;

    @Version
    long version;

    ProjectId projectId() {
        return new ProjectId(projectId);
    }
}
