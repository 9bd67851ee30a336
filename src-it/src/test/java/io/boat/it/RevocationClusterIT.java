package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Revocation on every node (issue 10): two BOAT processes share one database and one master key,
 * as a cluster behind a load balancer does. A token revoked through node A is refused by node B
 * once B has read the revocation (boat.revocation.refresh-ms, 1 s by default); the driver gives
 * up after a bounded time, it does not assert a time.
 */
class RevocationClusterIT {

    private static final long GIVE_UP_SECONDS = 60;

    @Test
    void tokenRevokedOnOneNode_isRefusedByTheOther() throws Exception {
        Path shared = Files.createTempDirectory(Path.of(System.getProperty("boat.it.work", "target/it-work"))
                .toAbsolutePath(), "cluster-");
        String url = "jdbc:h2:" + shared.resolve("boat") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        String[] options = {"-Dboat.master-key.file=" + shared.resolve("master-kek.p12"),
            "-Dboat.master-key.password=cluster-it-master-password"};
        try (BoatServer a = BoatServer.clusterNode("node-a", url, options).start();
             BoatServer b = BoatServer.clusterNode("node-b", url, options).start()) {
            String token = a.api().token("admin", BoatServer.ADMIN_PASSWORD, "admin");
            assertThat(b.api().withToken(token).get("/v1/secrets").status()).isEqualTo(200);

            assertThat(a.api().withToken(token).delete("/v3/auth/tokens", "X-Subject-Token", token).status())
                    .isEqualTo(204);
            assertThat(a.api().withToken(token).get("/v1/secrets").status()).isEqualTo(401);

            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
            int status = 200;
            while (status != 401 && System.nanoTime() < giveUp) {
                Thread.sleep(200);
                status = b.api().withToken(token).get("/v1/secrets").status();
            }
            assertThat(status).as("node B still accepts the token revoked on node A").isEqualTo(401);
            String fresh = b.api().token("admin", BoatServer.ADMIN_PASSWORD, "admin");
            assertThat(a.api().withToken(fresh).get("/v1/secrets").status()).isEqualTo(200);
        }
    }
}
