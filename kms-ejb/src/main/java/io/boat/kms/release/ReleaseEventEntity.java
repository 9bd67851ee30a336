package io.boat.kms.release;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One audit record: an attested release, a refusal, or a change of a release policy. Kept after the
 * secret is deleted: it is the history of who had the key.
 */
@Entity
@Table(name = "boat_release_event", indexes = {
    @Index(name = "boat_release_event_project", columnList = "project_id,occurred_at"),
    @Index(name = "boat_release_event_secret", columnList = "secret_id,occurred_at")})
public class ReleaseEventEntity {

    @Id
    @Column(length = 36)
    String id;

    @Column(name = "project_id", nullable = false, length = 64)
    String projectId;

    @Column(name = "secret_id", nullable = false, length = 36)
    String secretId;

    @Column(nullable = false, length = 24)
    String decision;

    @Column(length = 48)
    String reason;

    @Column(name = "ak_name", length = 68)
    String akName;

    @Column(name = "host_group", length = 128)
    String hostGroup;

    @Column(name = "report_id", length = 128)
    String reportId;

    @Column(name = "actor_id", length = 64)
    String actorId;

    @Column(length = 512)
    String detail;

    @Column(name = "occurred_at", nullable = false)
    OffsetDateTime occurredAt;
}
