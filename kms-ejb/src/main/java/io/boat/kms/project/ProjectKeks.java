package io.boat.kms.project;

import io.boat.kms.crypto.Rng;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-project key-encryption keys in the database: created on a project's first secret and
 * stored wrapped by the master KEK (with the project id bound in). Callers ask
 * {@link ProjectKekProvider}, which keeps them unwrapped in memory.
 */
@Stateless
public class ProjectKeks {

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    @Inject
    MasterKek keys;

    @EJB
    ProjectKeks self;

    /** The project's KEK, unwrapped, creating it if the project has none yet. */
    public SecretKey loadOrCreate(ProjectId projectId) {
        ProjectKekEntity row = em.find(ProjectKekEntity.class, projectId.value());
        if (row == null) {
            try {
                self.create(projectId);
            } catch (RuntimeException e) {
                // Another request created it concurrently; its row is committed now.
            }
            row = em.find(ProjectKekEntity.class, projectId.value());
            if (row == null) {
                throw new IllegalStateException("project KEK could not be created for " + projectId);
            }
        }
        byte[] raw = keys.master().unwrap(row.wrappedKey, context(projectId));
        try {
            return new SecretKeySpec(raw, "AES");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Creates and commits the KEK on its own, so a conflict never rolls back the caller's work. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(ProjectId projectId) {
        byte[] raw = Rng.bytes(32);
        try {
            ProjectKekEntity row = new ProjectKekEntity();
            row.projectId = projectId.value();
            row.wrappedKey = keys.master().wrap(raw, context(projectId));
            row.created = OffsetDateTime.now(ZoneOffset.UTC);
            em.persist(row);
            em.flush();
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static String context(ProjectId projectId) {
        return "boat-project-kek-v1|" + projectId;
    }
}
