package io.boat.kms.project;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.SecretKey;

/**
 * Unwrapped project KEKs, so a payload read costs one AES-GCM decryption instead of two. Bounded:
 * past the limit the cache is cleared rather than grown (KEKs are cheap to unwrap again).
 */
@ApplicationScoped
public class ProjectKekCache {

    private static final int MAX_ENTRIES = 10_000;

    private final ConcurrentMap<String, SecretKey> keks = new ConcurrentHashMap<>();

    public SecretKey get(String projectId) {
        return keks.get(projectId);
    }

    SecretKey put(String projectId, SecretKey kek) {
        if (keks.size() >= MAX_ENTRIES) {
            keks.clear();
        }
        SecretKey previous = keks.putIfAbsent(projectId, kek);
        return previous != null ? previous : kek;
    }
}
