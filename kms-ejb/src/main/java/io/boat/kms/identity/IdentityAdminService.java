package io.boat.kms.identity;

import io.boat.kms.KmsException;
import io.boat.kms.UnknownResourceException;
import io.boat.kms.NotPermittedException;
import io.boat.kms.AlreadyExistsException;
import io.boat.kms.config.BoatConfig;
import io.boat.kms.crypto.PasswordHasher;
import io.boat.kms.identity.revocation.Revocations;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The identity administration that OpenStack tooling drives beyond creating things: reading,
 * updating, disabling and deleting users and projects, checking and removing role grants, listing
 * role assignments, and a user's own password change. Every change that takes access away revokes
 * the affected tokens in the same transaction (see {@link Revocations}).
 */
@Stateless
public class IdentityAdminService {

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    @Inject
    BoatConfig config;

    @Inject
    Revocations revocations;

    private PasswordHasher hasher;

    @PostConstruct
    void init() {
        hasher = new PasswordHasher(config.passwordIterations());
    }

    /** A change to a user; null fields stay as they are. */
    public record UserChange(String name, Boolean enabled, char[] password) {
    }

    /** A change to a project; null fields stay as they are. */
    public record ProjectChange(String name, Boolean enabled) {
    }

    /** One role a user holds in a project. */
    public record Assignment(String userId, String projectId, String role) {
    }

    /**
     * Keystone's {@code service_admin_or_token_subject}: a token may be validated or revoked by its own
     * user or by the cloud admin; anyone else is refused, so tokens cannot be probed across tenants.
     */
    public void requireTokenAccess(TokenClaims caller, TokenClaims subject) {
        if (!caller.userId().equals(subject.userId())) {
            AdminScope.requireCloudAdmin(new IdentityCaller(caller.userId(), caller.projectId(), caller.system(),
                    java.util.Set.copyOf(caller.roles())), em, config);
        }
    }

    /** {@code DELETE /v3/auth/tokens}: the token and every token re-scoped from it stop working at once. */
    public void revokeToken(TokenClaims caller, TokenClaims subject) {
        requireTokenAccess(caller, subject);
        revocations.revokeToken(subject);
    }

    /** The cloud admin may read any user; a user may read itself. */
    public Identity.User user(IdentityCaller caller, String userId) {
        requireSelfOrCloudAdmin(caller, caller.userId().equals(userId));
        return IdentityService.view(findUser(userId));
    }

    public List<Identity.User> users(IdentityCaller caller, String name) {
        return named(caller, UserEntity.class, name).stream().map(IdentityService::view).toList();
    }

    public Identity.User updateUser(IdentityCaller caller, String userId, UserChange change) {
        AdminScope.requireCloudAdmin(caller, em, config);
        UserEntity u = findUser(userId);
        if (change.name() != null && !change.name().equals(u.name)) {
            u.name = requireFreeName(UserEntity.class, "user", change.name());
        }
        boolean revoke = false;
        if (change.password() != null) {
            IdentityService.checkPassword(change.password());
            u.passwordHash = hasher.hash(change.password());
            revoke = true;
        }
        if (change.enabled() != null) {
            revoke |= u.enabled && !change.enabled();
            u.enabled = change.enabled();
        }
        if (revoke) {
            revocations.revokeUser(u.id);
        }
        return IdentityService.view(u);
    }

    public void deleteUser(IdentityCaller caller, String userId) {
        AdminScope.requireCloudAdmin(caller, em, config);
        UserEntity u = findUser(userId);
        em.createQuery("DELETE FROM RoleAssignmentEntity r WHERE r.userId = :u").setParameter("u", u.id).executeUpdate();
        em.remove(u);
        revocations.revokeUser(u.id);
    }

    /**
     * Keystone's self-service {@code POST /v3/users/{id}/password}: proven by the original password,
     * not by a token, and refused exactly like a failed login. Revokes all the user's tokens.
     */
    public void changePassword(String userId, char[] original, char[] password) {
        UserEntity u = em.find(UserEntity.class, userId);
        if (u == null) {
            hasher.burn(original);
            throw KmsException.unauthorized();
        }
        if (!hasher.verify(original, u.passwordHash) || !u.enabled) {
            throw KmsException.unauthorized();
        }
        IdentityService.checkPassword(password);
        u.passwordHash = hasher.hash(password);
        revocations.revokeUser(u.id);
    }

    /** The cloud admin may read any project; a member may read its own. */
    public Identity.Project project(IdentityCaller caller, String projectId) {
        requireSelfOrCloudAdmin(caller, projectId.equals(caller.projectId()));
        return IdentityService.view(findProject(projectId));
    }

    public List<Identity.Project> projects(IdentityCaller caller, String name) {
        return named(caller, ProjectEntity.class, name).stream().map(IdentityService::view).toList();
    }

    public Identity.Project updateProject(IdentityCaller caller, String projectId, ProjectChange change) {
        AdminScope.requireCloudAdmin(caller, em, config);
        ProjectEntity p = findProject(projectId);
        if (change.name() != null && !change.name().equals(p.name)) {
            String name = requireFreeName(ProjectEntity.class, "project", change.name());
            requireNotBootstrap(p);
            p.name = name;
        }
        if (change.enabled() != null) {
            if (p.enabled && !change.enabled()) {
                requireNotBootstrap(p);
                revocations.revokeProject(p.id);
            }
            p.enabled = change.enabled();
        }
        return IdentityService.view(p);
    }

    public void deleteProject(IdentityCaller caller, String projectId) {
        AdminScope.requireCloudAdmin(caller, em, config);
        ProjectEntity p = findProject(projectId);
        requireNotBootstrap(p);
        em.createQuery("DELETE FROM RoleAssignmentEntity r WHERE r.projectId = :p").setParameter("p", p.id)
                .executeUpdate();
        em.remove(p);
        revocations.revokeProject(p.id);
    }

    /** The bootstrap project holds the cloud admin: renaming, disabling or deleting it would lock everyone out. */
    private void requireNotBootstrap(ProjectEntity p) {
        if (p.id.equals(AdminScope.adminProjectId(em, config))) {
            throw new NotPermittedException("The bootstrap project " + p.name + " cannot be renamed, disabled or deleted.");
        }
    }

    /** HEAD/GET of a grant: unknown unless it exists. The project's admin may check any role in its project. */
    public void checkGrant(IdentityCaller caller, String projectId, String userId, String role) {
        if (!caller.isAdminOf(projectId)) {
            AdminScope.requireCloudAdmin(caller, em, config);
        }
        existingGrants(projectId, userId, role);
    }

    /** Removes a grant and revokes the user's tokens in that project. */
    public void revokeGrant(IdentityCaller caller, String projectId, String userId, String role) {
        AdminScope.requireGrantManager(caller, projectId, role, em, config);
        existingGrants(projectId, userId, role).forEach(em::remove);
        revocations.revokeUserInProject(userId, projectId);
    }

    private List<RoleAssignmentEntity> existingGrants(String projectId, String userId, String role) {
        List<RoleAssignmentEntity> found = grants(userId, projectId, role);
        if (found.isEmpty()) {
            throw new UnknownResourceException("Could not find role assignment with role: " + role + ", user or group: "
                    + userId + ", project, domain, or system: " + projectId + ".");
        }
        return found;
    }

    /**
     * {@code GET /v3/role_assignments} with its common filters (null: any). The cloud admin sees all;
     * a project admin only its own project's.
     */
    public List<Assignment> assignments(IdentityCaller caller, String userId, String projectId, String role) {
        if (!caller.isAdminOf(projectId)) {
            AdminScope.requireCloudAdmin(caller, em, config);
        }
        var q = em.createQuery("SELECT r FROM RoleAssignmentEntity r WHERE 1 = 1"
                + (userId == null ? "" : " AND r.userId = :u") + (projectId == null ? "" : " AND r.projectId = :p")
                + (role == null ? "" : " AND r.role = :r") + " ORDER BY r.projectId, r.userId, r.role",
                RoleAssignmentEntity.class);
        if (userId != null) {
            q.setParameter("u", userId);
        }
        if (projectId != null) {
            q.setParameter("p", projectId);
        }
        if (role != null) {
            q.setParameter("r", role);
        }
        return q.getResultStream().map(r -> new Assignment(r.userId, r.projectId, r.role)).toList();
    }

    private List<RoleAssignmentEntity> grants(String userId, String projectId, String role) {
        return em.createQuery("SELECT r FROM RoleAssignmentEntity r WHERE r.userId = :u AND r.projectId = :p "
                        + "AND r.role = :r", RoleAssignmentEntity.class)
                .setParameter("u", userId).setParameter("p", projectId).setParameter("r", role).getResultList();
    }

    /** Reading one's own user or project needs no admin role; reading another's needs the cloud admin. */
    private void requireSelfOrCloudAdmin(IdentityCaller caller, boolean self) {
        if (!self) {
            AdminScope.requireCloudAdmin(caller, em, config);
        }
    }

    /** For the cloud admin only: all users or projects (BOAT has one domain), or those with exactly this name. */
    private <T> List<T> named(IdentityCaller caller, Class<T> type, String name) {
        AdminScope.requireCloudAdmin(caller, em, config);
        var q = em.createQuery("SELECT e FROM " + type.getSimpleName() + " e" + (name == null ? "" : " WHERE e.name = :n")
                + " ORDER BY e.name", type);
        if (name != null) {
            q.setParameter("n", name);
        }
        return q.getResultList();
    }

    private String requireFreeName(Class<?> type, String what, String name) {
        String normalized = Names.normalize(name);
        if (Names.taken(em, type, normalized)) {
            throw new AlreadyExistsException("Conflict occurred attempting to store " + what + " - Duplicate entry.");
        }
        return normalized;
    }

    private UserEntity findUser(String id) {
        UserEntity u = em.find(UserEntity.class, id);
        if (u == null) {
            throw new UnknownResourceException("Could not find user: " + id + ".");
        }
        return u;
    }

    private ProjectEntity findProject(String id) {
        ProjectEntity p = em.find(ProjectEntity.class, id);
        if (p == null) {
            throw new UnknownResourceException("Could not find project: " + id + ".");
        }
        return p;
    }
}
