package io.boat.kms.secret;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One user-metadata key/value of a secret ({@code /v1/secrets/{id}/metadata}). */
@Entity
@Table(name = "boat_secret_meta", uniqueConstraints = @UniqueConstraint(name = "boat_secret_meta_key",
        columnNames = {"secret_id", "meta_key"}))
public class SecretMetadatumEntity {

    @Id
    @Column(length = 36)
    String id;

    @Column(name = "secret_id", nullable = false, length = 36)
    String secretId;

    @Column(name = "meta_key", nullable = false, length = 255)
    String key;

    @Column(name = "meta_value", nullable = false, length = 255)
    String value;
}
