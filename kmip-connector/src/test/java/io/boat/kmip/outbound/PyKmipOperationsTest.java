package io.boat.kmip.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kmip.api.KeyAlgorithm;
import io.boat.kmip.api.KmipConnection;
import io.boat.kmip.api.KmipConnectionFactory;
import io.boat.kmip.api.KmipException;
import io.boat.kmip.api.KmipObject;
import io.boat.kmip.api.KmipVersion;
import io.boat.kmip.api.ObjectKind;
import io.boat.kmip.api.ResultReason;
import io.boat.kmip.api.ServerInfo;
import io.boat.kmip.api.SymmetricKeyRequest;
import io.boat.kmip.testing.PyKmipExtension;
import io.boat.kmip.testing.PyKmipServer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every operation of the connector against a real PyKMIP 0.10 server, through the unmanaged pool. */
@ExtendWith(PyKmipExtension.class)
class PyKmipOperationsTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static KmipConnectionFactory factory;

    @BeforeAll
    static void factory(PyKmipServer server) {
        factory = server.connectionFactory();
    }

    @Test
    void discoverVersions_pykmip_negotiates1_2AndListsServerVersions() throws KmipException {
        try (KmipConnection c = factory.getConnection()) {
            assertThat(c.protocolVersion()).isEqualTo(KmipVersion.V1_2);
            assertThat(c.discoverVersions()).contains(KmipVersion.V2_0, KmipVersion.V1_2, KmipVersion.V1_0);
        }
    }

    @Test
    void query_pykmip_listsOperationsObjectTypesAndVendor() throws KmipException {
        try (KmipConnection c = factory.getConnection()) {
            ServerInfo info = c.query();
            assertThat(info.supportsOperation(0x01)).as("Create").isTrue();
            assertThat(info.supportsOperation(0x0A)).as("Get").isTrue();
            assertThat(info.supportsOperation(0x14)).as("Destroy").isTrue();
            assertThat(info.supportsOperation(0x1E)).as("Discover Versions").isTrue();
            // PyKMIP 0.10 answers Query Objects with an empty list
            assertThat(info.objectKinds()).doesNotContain(ObjectKind.CERTIFICATE_REQUEST);
            assertThat(info.vendorIdentification()).containsIgnoringCase("PyKMIP");
        }
    }

    @Test
    void keyLifecycle_createActivateGetLocateRevokeDestroy_followsKmipStates() throws KmipException {
        String name = "lifecycle-" + UUID.randomUUID();
        try (KmipConnection c = factory.getConnection()) {
            String uid = c.create(new SymmetricKeyRequest(KeyAlgorithm.AES, 256, name));
            assertThat(uid).matches("\\d+");
            assertThat(c.getAttributes(uid, "State").first("State")).contains("PRE_ACTIVE");

            c.activate(uid);
            assertThat(c.getAttributes(uid, "State").first("State")).contains("ACTIVE");
            var attrs = c.getAttributes(uid, "Cryptographic Algorithm", "Cryptographic Length", "Name");
            assertThat(attrs.first("Cryptographic Algorithm")).contains("AES");
            assertThat(attrs.first("Cryptographic Length")).contains("256");
            assertThat(attrs.first("Name")).contains(name);

            try (KmipObject key = c.get(uid)) {
                assertThat(key.kind()).isEqualTo(ObjectKind.SYMMETRIC_KEY);
                assertThat(key.algorithm()).isEqualTo(KeyAlgorithm.AES);
                assertThat(key.bitLength()).isEqualTo(256);
                assertThat(key.material()).hasSize(32);
            }
            assertThat(c.locate(name)).containsExactly(uid);

            assertThatThrownBy(() -> c.destroy(uid)).as("Destroy of an Active object needs Revoke first")
                    .isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.isConnectionFailure()).isFalse());
            c.revoke(uid);
            assertThat(c.getAttributes(uid, "State").first("State")).contains("DEACTIVATED");
            c.destroy(uid);
            assertThatThrownBy(() -> c.get(uid)).isInstanceOfSatisfying(KmipException.class,
                    e -> assertThat(e.resultReason()).isEqualTo(ResultReason.ITEM_NOT_FOUND));
            assertThat(c.locate(name)).isEmpty();
        }
    }

    @Test
    void create_hmacSha256OnPyKmip_failsInvalidFieldAndRegisterWorks() throws KmipException {
        try (KmipConnection c = factory.getConnection()) {
            // PyKMIP 0.10 generates only cipher keys; HMAC keys must be registered
            assertThatThrownBy(() -> c.create(new SymmetricKeyRequest(KeyAlgorithm.HMAC_SHA256, 256)))
                    .isInstanceOfSatisfying(KmipException.class,
                            e -> assertThat(e.resultReason()).isEqualTo(ResultReason.INVALID_FIELD));
            byte[] material = random(32);
            String uid = c.register(KmipObject.symmetricKey(KeyAlgorithm.HMAC_SHA256, material), null);
            try (KmipObject key = c.get(uid)) {
                assertThat(key.algorithm()).isEqualTo(KeyAlgorithm.HMAC_SHA256);
                assertThat(key.material()).isEqualTo(material);
            }
        }
    }

    @Test
    void register_symmetricKey_getReturnsSameBytes() throws KmipException {
        byte[] material = random(32);
        try (KmipConnection c = factory.getConnection()) {
            String uid = c.register(KmipObject.symmetricKey(KeyAlgorithm.AES, material), null);
            try (KmipObject back = c.get(uid)) {
                assertThat(back.kind()).isEqualTo(ObjectKind.SYMMETRIC_KEY);
                assertThat(back.bitLength()).isEqualTo(256);
                assertThat(back.material()).isEqualTo(material);
            }
        }
    }

    @Test
    void register_secretData_getReturnsSameBytes() throws KmipException {
        byte[] material = "s3cret passphrase \u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (KmipConnection c = factory.getConnection()) {
            String uid = c.register(KmipObject.secretData(material), "pass-" + UUID.randomUUID());
            try (KmipObject back = c.get(uid)) {
                assertThat(back.kind()).isEqualTo(ObjectKind.SECRET_DATA);
                assertThat(back.material()).isEqualTo(material);
            }
        }
    }

    @Test
    void register_opaqueObject_getReturnsSameBytes() throws KmipException {
        byte[] material = random(1000);
        try (KmipConnection c = factory.getConnection()) {
            String uid = c.register(KmipObject.opaque(material), null);
            try (KmipObject back = c.get(uid)) {
                assertThat(back.kind()).isEqualTo(ObjectKind.OPAQUE_OBJECT);
                assertThat(back.material()).isEqualTo(material);
            }
        }
    }

    @Test
    void get_unknownUid_failsItemNotFoundAndConnectionStaysUsable() throws KmipException {
        try (KmipConnection c = factory.getConnection()) {
            assertThatThrownBy(() -> c.get("999999")).isInstanceOfSatisfying(KmipException.class, e -> {
                assertThat(e.resultReason()).isEqualTo(ResultReason.ITEM_NOT_FOUND);
                assertThat(e.isConnectionFailure()).isFalse();
            });
            assertThat(c.discoverVersions()).isNotEmpty();
        }
    }

    @Test
    void interop_pythonClientGetsKeyBoatCreated_sameBytes(PyKmipServer server) throws Exception {
        String uid;
        byte[] material;
        try (KmipConnection c = factory.getConnection()) {
            uid = c.create(new SymmetricKeyRequest(KeyAlgorithm.AES, 256));
            try (KmipObject key = c.get(uid)) {
                material = key.material();
            }
        }
        String pythonHex = server.runPython(PythonClient.SCRIPT, "get", uid);
        assertThat(pythonHex).isEqualTo(HexFormat.of().formatHex(material));
    }

    @Test
    void interop_boatGetsKeyPythonClientCreated_sameBytes(PyKmipServer server) throws Exception {
        String[] out = server.runPython(PythonClient.SCRIPT, "create").split("\\s+");
        String uid = out[0];
        try (KmipConnection c = factory.getConnection(); KmipObject key = c.get(uid)) {
            assertThat(key.algorithm()).isEqualTo(KeyAlgorithm.AES);
            assertThat(HexFormat.of().formatHex(key.material())).isEqualTo(out[1]);
        }
    }

    @Test
    void getConnection_clientCertificateFromOtherCa_failsWithTlsAuthenticationError(PyKmipServer server) {
        KmipConnectionFactory rogue = server.mcf("rogue-client.p12").unmanaged();
        assertThatThrownBy(rogue::getConnection).isInstanceOfSatisfying(KmipException.class, e -> {
            assertThat(e.isConnectionFailure()).isTrue();
            assertThat(e.getMessage()).containsAnyOf("TLS failure", "Connection reset", "Broken pipe");
            assertThat(e.getMessage()).doesNotContain(io.boat.testing.TestPki.PASSWORD);
        });
    }

    @Test
    void unmanagedPool_sequentialUse_reusesOnePhysicalConnection(PyKmipServer server) throws KmipException {
        KmipConnectionFactoryImpl f = (KmipConnectionFactoryImpl) server.mcf().unmanaged();
        PoolingConnectionManager pool = (PoolingConnectionManager) f.connectionManager();
        for (int i = 0; i < 5; i++) {
            try (KmipConnection c = f.getConnection()) {
                c.discoverVersions();
            }
        }
        assertThat(pool.createdCount()).isEqualTo(1);
        assertThat(pool.idleCount()).isEqualTo(1);
        assertThat(pool.inUseCount()).isZero();
    }

    @Test
    void unmanagedPool_concurrentUse_opensAtMostPoolSize(PyKmipServer server) throws Exception {
        KmipManagedConnectionFactory mcf = server.mcf();
        mcf.setUnmanagedPoolSize(3);
        KmipConnectionFactoryImpl f = (KmipConnectionFactoryImpl) mcf.unmanaged();
        PoolingConnectionManager pool = (PoolingConnectionManager) f.connectionManager();
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 6; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 5; i++) {
                    try (KmipConnection c = f.getConnection()) {
                        c.discoverVersions();
                        ok.incrementAndGet();
                    } catch (KmipException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ok.get()).isEqualTo(30);
        assertThat(pool.createdCount()).isBetween(1, 3);
        assertThat(pool.inUseCount()).isZero();
    }

    @Test
    void closedHandle_used_failsAsConnectionFailure() throws KmipException {
        KmipConnection c = factory.getConnection();
        c.close();
        assertThatThrownBy(c::discoverVersions).isInstanceOfSatisfying(KmipException.class,
                e -> assertThat(e.isConnectionFailure()).isTrue());
    }

    @Test
    void matchManagedConnections_otherConfiguration_doesNotMatch(PyKmipServer server) throws Exception {
        KmipManagedConnectionFactory a = server.mcf();
        KmipManagedConnectionFactory b = server.mcf();
        b.setReadTimeoutMillis(1234);
        var mc = a.createManagedConnection(null, null);
        try {
            assertThat(a.matchManagedConnections(java.util.Set.of(mc), null, null)).isSameAs(mc);
            assertThat(b.matchManagedConnections(java.util.Set.of(mc), null, null)).isNull();
            assertThat(a.getInvalidConnections(java.util.Set.of(mc))).isEmpty();
            mc.destroy();
            assertThat(a.getInvalidConnections(java.util.Set.of(mc))).containsExactly(mc);
            assertThat(a.matchManagedConnections(java.util.Set.of(mc), null, null)).isNull();
        } finally {
            mc.destroy();
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
