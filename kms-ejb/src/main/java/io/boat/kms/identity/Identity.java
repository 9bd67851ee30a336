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

    /**
     * A successful authentication: who, scoped to which project (null when unscoped or system-scoped),
     * with which roles. {@code expiresAt} is the expiry a re-scoped token inherits (Keystone never
     * extends a token by exchanging it); null for a fresh authentication.
     */
    public record Authentication(User user, Project project, List<String> roles, List<String> methods,
                                 List<String> auditIds, boolean system, java.time.Instant expiresAt) {
        public Authentication {
            roles = List.copyOf(roles);
            methods = List.copyOf(methods);
            auditIds = List.copyOf(auditIds);
        }
    }
}
