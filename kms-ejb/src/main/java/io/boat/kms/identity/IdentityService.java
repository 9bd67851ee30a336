package io.boat.kms.identity;

import io.boat.kms.AlreadyExistsException;
import io.boat.kms.InvalidRequestException;
import io.boat.kms.KmsException;
import io.boat.kms.UnknownResourceException;
import io.boat.kms.config.BoatConfig;
import io.boat.kms.crypto.PasswordHasher;
import io.boat.kms.crypto.Rng;
import io.boat.kms.policy.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in, Keystone-compatible identity: users with slow-hashed passwords, projects, and
 * role assignments; password and token authentication with project scope. Every refusal is the
 * same 401, so a caller cannot tell an unknown user from a wrong password or an unknown project.
 */
@Stateless
public class IdentityService {

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    @Inject
    BoatConfig config;

    private PasswordHasher hasher;

    @PostConstruct
    void init() {
        hasher = new PasswordHasher(config.passwordIterations());
    }

    /** Selects a user by id, or by name within a domain (given by id or name). */
    public record UserRef(String id, String name, String domainId, String domainName) {
    }

    /**
     * Selects a project by id, or by name within a domain; null means unscoped. {@link #SYSTEM} asks for
     * Keystone's system scope ({@code "system": {"all": true}}), which only the cloud admin gets.
     */
    public record ProjectRef(String id, String name, String domainId, String domainName) {
        public static final ProjectRef SYSTEM = new ProjectRef(null, null, null, null);
    }

    public Identity.Authentication authenticatePassword(UserRef userRef, char[] password, ProjectRef scope) {
        Optional<UserEntity> user = findUser(userRef);
        if (user.isEmpty()) {
            hasher.burn(password);
            throw KmsException.unauthorized();
        }
        if (!hasher.verify(password, user.get().passwordHash) || !user.get().enabled) {
            throw KmsException.unauthorized();
        }
        return scoped(user.get(), scope, List.of("password"), List.of(newAuditId()), null);
    }

    /** Keystone's token method: the same user, (re-)scoped, keeping the original methods. */
    public Identity.Authentication authenticateToken(TokenClaims token, ProjectRef scope) {
        UserEntity user = em.find(UserEntity.class, token.userId());
        if (user == null || !user.enabled) {
            throw KmsException.unauthorized();
        }
        List<String> methods = new ArrayList<>(token.methods());
        if (!methods.contains("token")) {
            methods.add("token");
        }
        List<String> audit = new ArrayList<>();
        audit.add(newAuditId());
        if (token.tokenId() != null) {
            audit.add(token.tokenId());
        }
        return scoped(user, scope, methods, audit, token.expiresAt());
    }

    private Identity.Authentication scoped(UserEntity user, ProjectRef scope, List<String> methods,
                                           List<String> auditIds, java.time.Instant expiresAt) {
        if (scope == null) {
            return new Identity.Authentication(view(user), null, List.of(), methods, auditIds, false, expiresAt);
        }
        if (scope == ProjectRef.SYSTEM) {
            String adminProject = AdminScope.adminProjectId(em, config);
            if (adminProject == null || !roles(user.id, adminProject).contains(Role.ADMIN.wire())) {
                throw KmsException.unauthorized();
            }
            return new Identity.Authentication(view(user), null, List.of(Role.ADMIN.wire()), methods, auditIds, true,
                    expiresAt);
        }
        ProjectEntity project = findProject(scope).filter(p -> p.enabled).orElseThrow(KmsException::unauthorized);
        List<String> roles = roles(user.id, project.id);
        if (roles.isEmpty()) {
            throw KmsException.unauthorized();
        }
        return new Identity.Authentication(view(user), view(project), roles, methods, auditIds, false, expiresAt);
    }

    public List<String> roles(String userId, String projectId) {
        return em.createQuery("SELECT r.role FROM RoleAssignmentEntity r WHERE r.userId = :u AND r.projectId = :p "
                        + "ORDER BY r.role", String.class)
                .setParameter("u", userId).setParameter("p", projectId).getResultList();
    }

    public Identity.Project createProject(IdentityCaller caller, String name) {
        AdminScope.requireCloudAdmin(caller, em, config);
        return view(insertProject(name));
    }

    public Identity.User createUser(IdentityCaller caller, String name, char[] password) {
        AdminScope.requireCloudAdmin(caller, em, config);
        return view(insertUser(name, password));
    }

    public void grant(IdentityCaller caller, String userId, String projectId, String role) {
        AdminScope.requireGrantManager(caller, projectId, role, em, config);
        if (Role.fromWire(role).isEmpty()) {
            throw new UnknownResourceException("Could not find role: " + role + ".");
        }
        if (em.find(UserEntity.class, userId) == null) {
            throw new UnknownResourceException("Could not find user: " + userId + ".");
        }
        if (em.find(ProjectEntity.class, projectId) == null) {
            throw new UnknownResourceException("Could not find project: " + projectId + ".");
        }
        if (!roles(userId, projectId).contains(role)) {
            insertGrant(userId, projectId, role);
        }
    }

    public List<Identity.Project> projects(IdentityCaller caller) {
        AdminScope.requireCloudAdmin(caller, em, config);
        return em.createQuery("SELECT p FROM ProjectEntity p ORDER BY p.name", ProjectEntity.class).getResultStream()
                .map(IdentityService::view).toList();
    }

    public List<Identity.User> users(IdentityCaller caller) {
        AdminScope.requireCloudAdmin(caller, em, config);
        return em.createQuery("SELECT u FROM UserEntity u ORDER BY u.name", UserEntity.class).getResultStream()
                .map(IdentityService::view).toList();
    }

    /**
     * Creates the bootstrap admin (user, project, admin role) when no user exists yet. Returns
     * the generated password when none was configured, so the caller can print it once.
     */
    public Optional<String> bootstrap() {
        long users = em.createQuery("SELECT COUNT(u) FROM UserEntity u", Long.class).getSingleResult();
        if (users > 0) {
            return Optional.empty();
        }
        Optional<String> configured = config.adminPassword();
        String password = configured.orElseGet(
                () -> Base64.getUrlEncoder().withoutPadding().encodeToString(Rng.bytes(18)));
        UserEntity admin = insertUser(config.adminUser(), password.toCharArray());
        ProjectEntity project = insertProject(config.adminProject());
        insertGrant(admin.id, project.id, Role.ADMIN.wire());
        return configured.isPresent() ? Optional.of("") : Optional.of(password);
    }

    private UserEntity insertUser(String name, char[] password) {
        name = Names.normalize(name);
        checkPassword(password);
        if (Names.taken(em, UserEntity.class, name)) {
            throw new AlreadyExistsException("Conflict occurred attempting to store user - Duplicate entry.");
        }
        UserEntity u = new UserEntity();
        u.id = Rng.hexId();
        u.name = name;
        u.domainId = Identity.DEFAULT_DOMAIN_ID;
        u.passwordHash = hasher.hash(password);
        u.enabled = true;
        u.created = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(u);
        return u;
    }

    private ProjectEntity insertProject(String name) {
        name = Names.normalize(name);
        if (Names.taken(em, ProjectEntity.class, name)) {
            throw new AlreadyExistsException("Conflict occurred attempting to store project - Duplicate entry.");
        }
        ProjectEntity p = new ProjectEntity();
        p.id = Rng.hexId();
        p.name = name;
        p.domainId = Identity.DEFAULT_DOMAIN_ID;
        p.enabled = true;
        p.created = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(p);
        return p;
    }

    private void insertGrant(String userId, String projectId, String role) {
        RoleAssignmentEntity r = new RoleAssignmentEntity();
        r.id = UUID.randomUUID().toString();
        r.userId = userId;
        r.projectId = projectId;
        r.role = role;
        em.persist(r);
    }

    static void checkPassword(char[] password) {
        if (password == null || password.length < 8 || password.length > 1024) {
            throw new InvalidRequestException("Invalid password: 8 to 1024 characters required");
        }
    }

    private Optional<UserEntity> findUser(UserRef ref) {
        if (ref.id() != null) {
            return Optional.ofNullable(em.find(UserEntity.class, ref.id()));
        }
        if (ref.name() == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT u FROM UserEntity u WHERE u.name = :n AND u.domainId = :d", UserEntity.class)
                .setParameter("n", ref.name()).setParameter("d", domainId(ref.domainId(), ref.domainName()))
                .getResultStream().findFirst();
    }

    private Optional<ProjectEntity> findProject(ProjectRef ref) {
        if (ref.id() != null) {
            return Optional.ofNullable(em.find(ProjectEntity.class, ref.id()));
        }
        if (ref.name() == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT p FROM ProjectEntity p WHERE p.name = :n AND p.domainId = :d",
                        ProjectEntity.class)
                .setParameter("n", ref.name()).setParameter("d", domainId(ref.domainId(), ref.domainName()))
                .getResultStream().findFirst();
    }

    /** BOAT has one domain, Keystone's "default" (named "Default"). */
    private static String domainId(String id, String name) {
        if (id != null) {
            return id;
        }
        return name == null || Identity.DEFAULT_DOMAIN_NAME.equals(name) ? Identity.DEFAULT_DOMAIN_ID : "-" + name;
    }

    private static String newAuditId() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Rng.bytes(16));
    }

    static Identity.User view(UserEntity u) {
        return new Identity.User(u.id, u.name, u.domainId, u.enabled);
    }

    static Identity.Project view(ProjectEntity p) {
        return new Identity.Project(p.id, p.name, p.domainId, p.enabled);
    }

    /**
     * The account a login attempt is against, for counting failures: the user's id when it exists,
     * else the name asked for, so that unknown names are counted too and reveal nothing.
     */
    public String accountKey(UserRef ref) {
        return findUser(ref).map(u -> u.id).orElseGet(() -> "unknown:" + ref.domainId() + ":" + ref.domainName() + ":"
                + (ref.id() != null ? ref.id() : String.valueOf(ref.name()).toLowerCase(java.util.Locale.ROOT)));
    }

    /** The project a token's claims name, for building a Keystone token body. */
    public Optional<Identity.Project> project(String id) {
        return Optional.ofNullable(id == null ? null : em.find(ProjectEntity.class, id)).map(IdentityService::view);
    }

    public Optional<Identity.User> user(String id) {
        return Optional.ofNullable(id == null ? null : em.find(UserEntity.class, id)).map(IdentityService::view);
    }
}
