package io.boat.kms.identity.lockout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Consecutive failed logins of one account (Keystone's failed_auth_count / failed_auth_at), shared by all nodes. */
@Entity
@Table(name = "boat_login_failure")
public class LoginFailureEntity {

    @Id
    @Column(name = "account", length = 320)
    String account;

    @Column(nullable = false)
    int failures;

    @Column(name = "last_failure", nullable = false)
    OffsetDateTime lastFailure;
}
