package io.boat.kms.identity.revocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A revocation event as stored, shared by every node through the database. */
@Entity
@Table(name = "boat_revocation_event", indexes = @Index(name = "boat_revocation_event_at", columnList = "revoked_at"))
public class RevocationEventEntity {

    @Id
    @Column(length = 36)
    String id;

    @Column(name = "audit_id", length = 64)
    String auditId;

    @Column(name = "user_id", length = 64)
    String userId;

    @Column(name = "project_id", length = 64)
    String projectId;

    @Column(name = "revoked_at", nullable = false)
    OffsetDateTime revokedAt;

    /** When the last token this event can match expires; afterwards the row is dead weight. */
    @Column(name = "expires_at", nullable = false)
    OffsetDateTime expiresAt;
}
