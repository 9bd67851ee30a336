package io.boat.kms.store.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kmip.api.KmipConnection;
import io.boat.kmip.api.KmipConnectionFactory;
import io.boat.kmip.testing.PyKmipExtension;
import io.boat.kmip.testing.PyKmipServer;
import io.boat.kms.crypto.SecretBytes;
import io.boat.kms.project.ProjectId;
import io.boat.kms.store.KeySpec;
import io.boat.kms.store.SecretContext;
import io.boat.kms.store.SecretKind;
import io.boat.kms.store.StoreException;
import io.boat.kms.store.StoreUnavailableException;
import io.boat.kms.store.StoreMetadata;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The KMIP store against a real PyKMIP server (fixture from kmip-connector's test-jar). */
@ExtendWith(PyKmipExtension.class)
class KmipSecretStoreTest {

    private static KmipConnectionFactory factory;
    private static KmipSecretStore store;

    @BeforeAll
    static void setUp(PyKmipServer server) {
        factory = server.connectionFactory();
        store = new KmipSecretStore(factory);
    }

    private static SecretContext context() {
        return new SecretContext(UUID.randomUUID().toString(), new ProjectId("project-1"));
    }

    @Test
    void generateSymmetricKey_aes256UpperCase_createsActiveKeyAndKeepsOnlyUid() throws Exception {
        StoreMetadata md = store.generateSymmetricKey(new KeySpec("AES", 256, "cbc"), context());
        assertThat(md.storeName()).isEqualTo("kmip");
        assertThat(md.values().keySet()).containsExactly("kmip_uid");
        try (KmipConnection c = factory.getConnection()) {
            assertThat(c.getAttributes(md.require("kmip_uid"), "State").first("State")).contains("ACTIVE");
        }
        try (SecretBytes key = store.get(md, context())) {
            assertThat(key.length()).isEqualTo(32);
        }
    }

    @Test
    void generateSymmetricKey_hmacSha256_returns32ByteActiveKey() throws Exception {
        StoreMetadata md = store.generateSymmetricKey(new KeySpec("hmacsha256", 256, null), context());
        try (SecretBytes key = store.get(md, context())) {
            assertThat(key.length()).isEqualTo(32);
        }
    }

    @ParameterizedTest
    @EnumSource(SecretKind.class)
    void storeThenGet_eachKind_returnsSameBytes(SecretKind kind) {
        byte[] material = new byte[kind == SecretKind.SYMMETRIC ? 32 : 77];
        new SecureRandom().nextBytes(material);
        StoreMetadata md;
        try (SecretBytes in = SecretBytes.copyOf(material)) {
            md = store.store(in, kind, context());
        }
        try (SecretBytes out = store.get(md, context())) {
            assertThat(out.equalsConstantTime(material)).isTrue();
        }
    }

    @Test
    void delete_activeKey_destroysAndSecondDeleteIsNoError() {
        StoreMetadata md = store.generateSymmetricKey(new KeySpec("aes", 128, null), context());
        store.delete(md, context());
        store.delete(md, context());
        assertThatThrownBy(() -> store.get(md, context())).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e).isNotInstanceOf(StoreUnavailableException.class);
            assertThat(e.clientMessage()).doesNotContain("KMIP").doesNotContain("PyKMIP");
        });
    }

    @Test
    void delete_passphrase_destroys() {
        StoreMetadata md;
        try (SecretBytes in = SecretBytes.copyOf("hunter2".getBytes(StandardCharsets.UTF_8))) {
            md = store.store(in, SecretKind.PASSPHRASE, context());
        }
        store.delete(md, context());
        assertThatThrownBy(() -> store.get(md, context())).isInstanceOf(StoreException.class);
    }

    @Test
    void get_serverUnreachable_failsUnavailable(PyKmipServer server) {
        var mcf = server.mcf();
        mcf.setPort(1);
        KmipSecretStore unreachable = new KmipSecretStore(mcf.unmanaged());
        StoreMetadata md = new StoreMetadata("kmip", Map.of("kmip_uid", "1"));
        assertThatThrownBy(() -> unreachable.get(md, context())).isInstanceOf(StoreUnavailableException.class);
    }
}
