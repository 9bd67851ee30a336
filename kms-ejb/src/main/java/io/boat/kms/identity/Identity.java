package io.boat.kms.identity;

import java.util.List;

/** Views of identity objects, free of JPA types. */
public final class Identity {

    private Identity() {
    }

    public static final String DEFAULT_DOMAIN_ID = "default";
    public static final String DEFAULT_DOMAIN_NAME = "Default";

    public record User(String id, String name, String domainId, boolean enabled) {
    }

    public record Project(String id, String name, String domainId, boolean enabled) {
    }

    /** A successful authentication: who, scoped to which project (null when unscoped), with which roles. */
    public record Authentication(User user, Project project, List<String> roles, List<String> methods,
                                 List<String> auditIds) {
        public Authentication {
            roles = List.copyOf(roles);
            methods = List.copyOf(methods);
            auditIds = List.copyOf(auditIds);
        }
    }
}
