package io.boat.kms.identity;

import io.boat.kms.NotPermittedException;
import io.boat.kms.config.BoatConfig;
import jakarta.persistence.EntityManager;

/**
 * Who administers identity. The cloud administrator — admin with a system-scoped token, or admin
 * with a token scoped to the bootstrap project ({@code boat.admin.project}) — manages every user,
 * project and grant. A project admin manages only the non-admin role grants of its own project;
 * admin on one project is nothing on another (Keystone's secure RBAC).
 */
final class AdminScope {

    static final String REFUSAL = "You are not authorized to perform the requested action.";

    private AdminScope() {
    }

    static boolean isCloudAdmin(IdentityCaller caller, EntityManager em, BoatConfig config) {
        if (!caller.isAdmin()) {
            return false;
        }
        return caller.system() || caller.projectId() != null && caller.projectId().equals(adminProjectId(em, config));
    }

    static void requireCloudAdmin(IdentityCaller caller, EntityManager em, BoatConfig config) {
        if (!isCloudAdmin(caller, em, config)) {
            throw new NotPermittedException(REFUSAL);
        }
    }

    /** Cloud admin for any grant; the project's own admin for a non-admin role in it. */
    static void requireGrantManager(IdentityCaller caller, String projectId, String role, EntityManager em,
                                    BoatConfig config) {
        if (isCloudAdmin(caller, em, config)) {
            return;
        }
        if (!caller.isAdminOf(projectId) || io.boat.kms.policy.Role.ADMIN.wire().equals(role)) {
            throw new NotPermittedException(REFUSAL);
        }
    }

    static String adminProjectId(EntityManager em, BoatConfig config) {
        return em.createQuery("SELECT p.id FROM ProjectEntity p WHERE p.name = :n AND p.domainId = :d", String.class)
                .setParameter("n", config.adminProject()).setParameter("d", Identity.DEFAULT_DOMAIN_ID)
                .getResultStream().findFirst().orElse(null);
    }
}
