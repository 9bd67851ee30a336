package io.boat.kms.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.OffsetDateTime;

/** A project (tenant): the unit of isolation for secrets and orders. */
@Entity
@Table(name = "boat_project", uniqueConstraints = @UniqueConstraint(name = "boat_project_name", columnNames = {"domain_id", "name"}))
public class ProjectEntity {

    @Id
    @Column(length = 64)
    String id;

    @Column(nullable = false, length = 255)
    String name;

    @Column(name = "domain_id", nullable = false, length = 64)
    String domainId;

    @Column(nullable = false)
    boolean enabled;

    @Column(nullable = false)
    OffsetDateTime created;
}
