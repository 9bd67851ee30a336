package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.boat.it.faults.SlowOrdersInterceptor;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost: secrets and orders survive a clean restart, and an order that
 * was PENDING when the process was killed is finished after the next start — on H2 (the
 * embedded default) and on a real PostgreSQL server.
 */
class RestartIT {

    /** Fault injection (a test-only jar): order processing waits this long, so a kill lands while it is PENDING. */
    static final Duration SLOW_ORDERS = Duration.ofSeconds(30);

    @Test
    void h2_restartAndCrash_keepSecretsAndFinishOrders() throws Exception {
        try (BoatServer server = BoatServer.h2("restart-h2")) {
            survive(server);
        }
    }

    @Test
    void postgres_restartAndCrash_keepSecretsAndFinishOrders() throws Exception {
        String url = System.getenv("BOAT_IT_PG_URL");
        assumeTrue(url != null, "BOAT_IT_PG_URL not set: run deploy/test.sh, which starts PostgreSQL");
        try (BoatServer server = BoatServer.postgres("restart-pg", url, System.getenv("BOAT_IT_PG_USER"),
                System.getenv("BOAT_IT_PG_PASSWORD"))) {
            survive(server);
        }
    }

    private static void survive(BoatServer server) throws Exception {
        server.start();
        Api api = server.api();
        Api owner = api.withToken(api.token("admin", BoatServer.ADMIN_PASSWORD, "admin"));
        String secret = SecretsApiIT.storeKey(owner, "durable");
        // A policy that still lets this test read the payload without a host: any host group "edge", 90 s.
        String policy = "{\"attestation_required\":false,\"host_groups\":[\"edge\"],\"max_report_age\":90}";
        assertThat(owner.putJson(secret + "/release-policy", policy).status()).isEqualTo(200);
        String done = owner.postJson("/v1/orders", "{\"type\":\"key\",\"meta\":{\"algorithm\":\"aes\",\"bit_length\":256}}")
                .json().getString("order_ref");
        String doneSecret = Orders.awaitDone(owner, done).getString("secret_ref");
        byte[] generated = owner.get(doneSecret + "/payload", "Accept", "application/octet-stream").body();

        // 1. clean restart
        server.stop();
        server.start();
        owner = api.withToken(api.token("admin", BoatServer.ADMIN_PASSWORD, "admin"));
        assertThat(owner.get(secret + "/payload", "Accept", "application/octet-stream").body())
                .isEqualTo(Base64.getDecoder().decode(SecretsApiIT.KEY_B64));
        assertThat(owner.get(doneSecret + "/payload", "Accept", "application/octet-stream").body()).isEqualTo(generated);
        JsonObject kept = owner.get(secret + "/release-policy").json();
        assertThat(kept.getJsonArray("host_groups").getString(0)).isEqualTo("edge");
        assertThat(kept.getInt("max_report_age")).isEqualTo(90);

        // 2. crash while an order is PENDING
        server.stop();
        server.startWithSlowOrders(SLOW_ORDERS);
        owner = api.withToken(api.token("admin", BoatServer.ADMIN_PASSWORD, "admin"));
        Api.Response accepted = owner.postJson("/v1/orders", "{\"type\":\"key\",\"meta\":{\"algorithm\":\"aes\",\"bit_length\":128}}");
        assertThat(accepted.status()).isEqualTo(202);
        String pending = accepted.json().getString("order_ref");
        assertThat(owner.get(pending).json().getString("status")).isEqualTo("PENDING");
        // the kill lands inside the attempt: its batch's transaction open, the key not yet generated
        server.awaitLog(SlowOrdersInterceptor.MARKER, Duration.ofSeconds(60));
        server.kill();

        server.start(List.of());
        owner = api.withToken(api.token("admin", BoatServer.ADMIN_PASSWORD, "admin"));
        JsonObject finished = Orders.awaitDone(owner, pending);
        assertThat(finished.getString("status")).isEqualTo("ACTIVE");
        assertThat(owner.get(finished.getString("secret_ref") + "/payload", "Accept", "application/octet-stream").body())
                .hasSize(16);
        assertThat(owner.get(secret).status()).isEqualTo(200);
    }
}
