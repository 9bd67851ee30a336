package io.boat.kmip.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kmip.api.KeyAlgorithm;
import io.boat.kmip.api.KmipConnection;
import io.boat.kmip.api.KmipException;
import io.boat.kmip.api.KmipObject;
import io.boat.kmip.api.SymmetricKeyRequest;
import io.boat.kmip.testing.PyKmipServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A server of its own, stopped and restarted under a pooled factory. */
class PyKmipFaultTest {

    private static PyKmipServer server;

    @BeforeAll
    static void start() throws Exception {
        server = PyKmipServer.start(PyKmipServer.newWorkDir("fault"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void get_serverStoppedMidRun_failsConnectionFailureWithinTimeoutThenRecoversAfterRestart() throws Exception {
        KmipConnectionFactoryImpl f = (KmipConnectionFactoryImpl) server.mcf().unmanaged();
        PoolingConnectionManager pool = (PoolingConnectionManager) f.connectionManager();
        String uid;
        try (KmipConnection c = f.getConnection()) {
            uid = c.create(new SymmetricKeyRequest(KeyAlgorithm.AES, 128));
        }
        assertThat(pool.idleCount()).isEqualTo(1);

        server.stop();
        long start = System.nanoTime();
        try (KmipConnection c = f.getConnection()) { // the pooled connection, now dead
            assertThatThrownBy(() -> c.get(uid)).isInstanceOfSatisfying(KmipException.class,
                    e -> assertThat(e.isConnectionFailure()).isTrue());
        } catch (KmipException e) {
            assertThat(e.isConnectionFailure()).isTrue(); // weeded out at checkout, new connect refused
        }
        assertThatThrownBy(f::getConnection).isInstanceOfSatisfying(KmipException.class, e -> {
            assertThat(e.isConnectionFailure()).isTrue();
            assertThat(e.getMessage()).contains("127.0.0.1:" + server.port());
        });
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsedMillis).as("fails within connect+read timeout").isLessThan(2000 + 5000);
        assertThat(pool.idleCount()).as("dead connection dropped from the pool").isZero();
        assertThat(pool.inUseCount()).isZero();

        server.restart();
        try (KmipConnection c = f.getConnection(); KmipObject key = c.get(uid)) {
            assertThat(key.material()).hasSize(16);
        }
    }

    @Test
    void getConnection_nothingListening_failsWithinConnectTimeout() throws Exception {
        KmipManagedConnectionFactory mcf = server.mcf();
        mcf.setPort(1); // nothing listens on port 1 for an unprivileged test
        long start = System.nanoTime();
        assertThatThrownBy(() -> mcf.unmanaged().getConnection()).isInstanceOfSatisfying(KmipException.class,
                e -> assertThat(e.isConnectionFailure()).isTrue());
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000 + 1000);
    }
}
