package io.boat.kms.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A project's key-encryption key, wrapped by the master KEK. */
@Entity
@Table(name = "boat_project_kek")
public class ProjectKekEntity {

    @Id
    @Column(name = "project_id", length = 64)
    String projectId;

    @Lob
    @Column(name = "wrapped_key", nullable = false)
    byte[] wrappedKey;

    @Column(nullable = false)
    OffsetDateTime created;
}
