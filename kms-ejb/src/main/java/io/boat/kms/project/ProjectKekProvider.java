package io.boat.kms.project;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.SecretKey;

/**
 * The one place a project's KEK is asked for: from memory when it has been unwrapped before (a
 * payload read then costs one AES-GCM decryption instead of two, and no transaction), otherwise
 * from {@link ProjectKeks}, which loads or creates it. Bounded: past the limit the cache is
 * cleared rather than grown (KEKs are cheap to unwrap again).
 */
@ApplicationScoped
public class ProjectKekProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final ConcurrentMap<ProjectId, SecretKey> keks = new ConcurrentHashMap<>();

    @EJB
    ProjectKeks projectKeks;

    /** The project's KEK, creating it if the project has none yet. */
    public SecretKey kekFor(ProjectId projectId) {
        SecretKey cached = keks.get(projectId);
        if (cached != null) {
            return cached;
        }
        SecretKey loaded = projectKeks.loadOrCreate(projectId);
        if (keks.size() >= MAX_ENTRIES) {
            keks.clear();
        }
        SecretKey previous = keks.putIfAbsent(projectId, loaded);
        return previous != null ? previous : loaded;
    }
}
