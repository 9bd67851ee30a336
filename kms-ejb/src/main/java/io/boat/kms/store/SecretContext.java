package io.boat.kms.store;

import java.util.Objects;

/**
 * Who a secret belongs to. Stores bind both values into what they keep (the database store uses
 * them as AES-GCM associated data) so a stored blob cannot be replayed under another secret.
 */
public record SecretContext(String secretId, String projectId) {
    public SecretContext {
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(projectId, "projectId");
    }
}
