package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.it.faults.SlowOrdersInterceptor;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The crash contract of batched order processing on the database store: the server is killed
 * while a batch's transaction is open (key generation held by the test-only fault jar) and more
 * accepted orders wait in the in-memory queue. After the next start every acknowledged order
 * ends ACTIVE with a readable key, none stays PENDING, and each order made exactly one secret
 * (a rolled-back batch leaves nothing behind, and its orders are not completed twice).
 *
 * <p>H2 only: the one PostgreSQL database of deploy/test.sh belongs to RestartIT (a second server
 * home would bring a second master KEK to it, and neither could read the other's keys); RestartIT
 * kills a batch on PostgreSQL too, with one order.
 */
class OrderCrashIT {

    private static final int ORDERS = 40;
    private static final String ORDER = "{\"type\":\"key\",\"meta\":{\"algorithm\":\"aes\",\"bit_length\":256}}";

    @Test
    void h2_killedMidBatch_everyAcknowledgedOrderEndsActiveWithOneSecret() throws Exception {
        try (BoatServer server = BoatServer.h2("order-crash-h2")) {
            killMidBatchAndRestart(server);
        }
    }

    private static void killMidBatchAndRestart(BoatServer server) throws Exception {
        server.startWithSlowOrders(RestartIT.SLOW_ORDERS);
        Api api = server.api();
        Api owner = api.withToken(api.token("admin", BoatServer.ADMIN_PASSWORD, "admin"));
        long secretsBefore = owner.get("/v1/secrets").json().getJsonNumber("total").longValue();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Api.Response r = owner.postJson("/v1/orders", ORDER);
            assertThat(r.status()).isEqualTo(202);
            accepted.add(r.json().getString("order_ref"));
        }
        server.awaitLog(SlowOrdersInterceptor.MARKER, Duration.ofSeconds(60));
        assertThat(owner.get(accepted.get(ORDERS - 1)).json().getString("status")).isEqualTo("PENDING");
        server.kill();

        server.start(List.of());
        owner = api.withToken(api.token("admin", BoatServer.ADMIN_PASSWORD, "admin"));
        Set<String> secrets = new HashSet<>();
        for (String order : accepted) {
            JsonObject done = Orders.awaitDone(owner, order);
            assertThat(done.getString("status")).as(order).isEqualTo("ACTIVE");
            String secret = done.getString("secret_ref");
            assertThat(owner.get(secret + "/payload", "Accept", "application/octet-stream").body()).hasSize(32);
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(ORDERS);
        assertThat(owner.get("/v1/secrets").json().getJsonNumber("total").longValue())
                .isEqualTo(secretsBefore + ORDERS);
    }
}
