package io.boat.kms.store.db;

import io.boat.kms.crypto.AesGcm;
import io.boat.kms.crypto.Rng;
import io.boat.kms.crypto.SecretBytes;
import io.boat.kms.project.ProjectId;
import io.boat.kms.store.KeySpec;
import io.boat.kms.store.SecretContext;
import io.boat.kms.store.SecretKind;
import io.boat.kms.store.SecretStore;
import io.boat.kms.store.StoreMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.SecretKey;

/**
 * The embedded default: each secret AES-256-GCM encrypted under its project's KEK, with the
 * secret id and project id bound in as associated data, and the ciphertext handed back as store
 * metadata for the core to persist. A ciphertext copied to another secret's row fails to decrypt.
 */
public final class DatabaseSecretStore implements SecretStore {

    public static final String NAME = "database";
    static final String CIPHERTEXT = "ciphertext";
    static final String FORMAT = "format";
    static final String FORMAT_V1 = "aes256gcm-v1";

    private final Function<ProjectId, SecretKey> projectKek;

    /** @param projectKek returns the (unwrapped) KEK of a project, creating it if needed */
    public DatabaseSecretStore(Function<ProjectId, SecretKey> projectKek) {
        this.projectKek = projectKek;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StoreMetadata generateSymmetricKey(KeySpec spec, SecretContext context) {
        try (SecretBytes key = SecretBytes.wrap(Rng.bytes(spec.byteLength()))) {
            return store(key, SecretKind.SYMMETRIC, context);
        }
    }

    @Override
    public StoreMetadata store(SecretBytes material, SecretKind kind, SecretContext context) {
        byte[] plain = material.bytes();
        try {
            byte[] blob = AesGcm.encrypt(projectKek.apply(context.projectId()), plain, aad(context));
            return new StoreMetadata(NAME, Map.of(
                    FORMAT, FORMAT_V1,
                    CIPHERTEXT, Base64.getEncoder().encodeToString(blob)));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public SecretBytes get(StoreMetadata metadata, SecretContext context) {
        byte[] blob = Base64.getDecoder().decode(metadata.require(CIPHERTEXT));
        return SecretBytes.wrap(AesGcm.decrypt(projectKek.apply(context.projectId()), blob, aad(context)));
    }

    @Override
    public void delete(StoreMetadata metadata, SecretContext context) {
        // The ciphertext lives in the secret's row; deleting the row destroys it.
    }

    /** The key exists only as the ciphertext returned: until that row commits, nowhere. */
    @Override
    public boolean generatesOnlyMetadata() {
        return true;
    }

    private static byte[] aad(SecretContext context) {
        return ("boat-secret-v1|" + context.secretId() + "|" + context.projectId()).getBytes(StandardCharsets.UTF_8);
    }
}
