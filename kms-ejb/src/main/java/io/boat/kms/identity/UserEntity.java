package io.boat.kms.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.OffsetDateTime;

/** A user of the built-in identity service; the password is only ever stored as a slow hash. */
@Entity
@Table(name = "boat_user", uniqueConstraints = @UniqueConstraint(name = "boat_user_name", columnNames = {"domain_id", "name"}))
public class UserEntity {

    @Id
    @Column(length = 64)
    String id;

    @Column(nullable = false, length = 255)
    String name;

    @Column(name = "domain_id", nullable = false, length = 64)
    String domainId;

    @Column(name = "password_hash", nullable = false, length = 255)
    String passwordHash;

    @Column(nullable = false)
    boolean enabled;

    @Column(nullable = false)
    OffsetDateTime created;
}
