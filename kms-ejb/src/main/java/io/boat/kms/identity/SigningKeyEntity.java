package io.boat.kms.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * The token-signing key pair, kept in the database (so every instance of a cluster signs and
 * verifies alike) with the private key wrapped by the master KEK.
 */
@Entity
@Table(name = "boat_signing_key")
public class SigningKeyEntity {

    @Id
    @Column(length = 64)
    String id;

    @Lob
    @Column(name = "wrapped_private_key", nullable = false)
    byte[] wrappedPrivateKey;

    @Lob
    @Column(name = "public_key", nullable = false)
    byte[] publicKey;

    @Column(nullable = false)
    OffsetDateTime created;
}
