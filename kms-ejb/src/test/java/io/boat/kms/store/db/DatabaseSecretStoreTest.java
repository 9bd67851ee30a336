package io.boat.kms.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.crypto.CryptoException;
import io.boat.kms.crypto.Rng;
import io.boat.kms.crypto.SecretBytes;
import io.boat.kms.project.ProjectId;
import io.boat.kms.store.KeySpec;
import io.boat.kms.store.SecretContext;
import io.boat.kms.store.SecretKind;
import io.boat.kms.store.StoreMetadata;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DatabaseSecretStoreTest {

    private final Map<ProjectId, SecretKey> keks = Map.of(
            new ProjectId("p1"), new SecretKeySpec(Rng.bytes(32), "AES"),
            new ProjectId("p2"), new SecretKeySpec(Rng.bytes(32), "AES"));
    private final DatabaseSecretStore store = new DatabaseSecretStore(keks::get);
    private final SecretContext s1 = new SecretContext("s1", new ProjectId("p1"));

    @Test
    void storeThenGet_returnsExactBytesAndMetadataHoldsNoPlaintext() {
        byte[] secret = "top secret value".getBytes();
        StoreMetadata meta = store.store(SecretBytes.copyOf(secret), SecretKind.OPAQUE, s1);
        assertThat(meta.storeName()).isEqualTo("database");
        assertThat(meta.values().get("ciphertext")).doesNotContain(Base64.getEncoder().encodeToString(secret));
        try (SecretBytes back = store.get(meta, s1)) {
            assertThat(back.bytes()).isEqualTo(secret);
        }
    }

    @Test
    void get_ciphertextMovedToAnotherSecretOrProject_fails() {
        StoreMetadata meta = store.store(SecretBytes.copyOf(new byte[32]), SecretKind.SYMMETRIC, s1);
        assertThatThrownBy(() -> store.get(meta, new SecretContext("s2", new ProjectId("p1")))).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> store.get(meta, new SecretContext("s1", new ProjectId("p2")))).isInstanceOf(CryptoException.class);
    }

    @Test
    void generateSymmetricKey_hasRequestedLengthAndIsRandom() {
        KeySpec spec = new KeySpec("AES", 192, "cbc");
        try (SecretBytes a = store.get(store.generateSymmetricKey(spec, s1), s1);
             SecretBytes b = store.get(store.generateSymmetricKey(spec, s1), s1)) {
            assertThat(a.length()).isEqualTo(24);
            assertThat(a.equalsConstantTime(b.bytes())).isFalse();
        }
    }
}
