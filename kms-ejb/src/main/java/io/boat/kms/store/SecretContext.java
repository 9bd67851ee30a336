package io.boat.kms.store;

import io.boat.kms.project.ProjectId;
import java.util.Objects;

/**
 * Who a secret belongs to. Stores bind both values into what they keep (the database store uses
 * them as AES-GCM associated data) so a stored blob cannot be replayed under another secret.
 */
public record SecretContext(String secretId, ProjectId projectId) {
    public SecretContext {
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(projectId, "projectId");
    }
}
