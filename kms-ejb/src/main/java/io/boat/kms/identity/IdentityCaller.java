package io.boat.kms.identity;

import io.boat.kms.policy.Role;
import java.util.Objects;
import java.util.Set;

/**
 * Who calls the identity API: the user, the project its token is scoped to (null for a
 * system-scoped token) and its roles there.
 */
public record IdentityCaller(String userId, String projectId, boolean system, Set<String> roles) {

    public IdentityCaller {
        Objects.requireNonNull(userId, "userId");
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN.wire());
    }

    /** The project admin of {@code projectId}: admin by a token scoped to that very project. */
    public boolean isAdminOf(String project) {
        return isAdmin() && project != null && project.equals(projectId);
    }
}
