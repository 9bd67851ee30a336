package io.boat.kms.secret;

import io.boat.kms.crypto.SecretBytes;
import io.boat.kms.store.SecretKind;
import java.time.OffsetDateTime;

/**
 * A validated request to create a secret. {@code payload} is null for the first step of a
 * two-step create; the caller owns and closes it.
 */
public record NewSecret(String name, SecretKind kind, String algorithm, Integer bitLength, String mode,
                        OffsetDateTime expiration, SecretBytes payload, String contentType) {
}
