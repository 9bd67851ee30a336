package io.boat.kms.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A role a user holds in a project. */
@Entity
@Table(name = "boat_role_assignment", uniqueConstraints = @UniqueConstraint(name = "boat_role_assignment_unique",
        columnNames = {"user_id", "project_id", "role_name"}))
public class RoleAssignmentEntity {

    @Id
    @Column(length = 36)
    String id;

    @Column(name = "user_id", nullable = false, length = 64)
    String userId;

    @Column(name = "project_id", nullable = false, length = 64)
    String projectId;

    @Column(name = "role_name", nullable = false, length = 32)
    String role;
}
