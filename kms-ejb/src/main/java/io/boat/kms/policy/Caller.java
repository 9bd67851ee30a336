package io.boat.kms.policy;

import io.boat.kms.project.ProjectId;
import java.util.Objects;
import java.util.Set;

/**
 * Who is asking, as proven by a verified token: the user, the project the token is scoped to,
 * and the user's roles in that project.
 */
public record Caller(String userId, String userName, ProjectId projectId, Set<String> roles) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(projectId, "projectId");
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role.wire());
    }
}
