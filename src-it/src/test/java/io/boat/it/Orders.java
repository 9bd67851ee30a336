package io.boat.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Polls an order until it leaves PENDING (bounded: 60 s); explains an order that did not. */
final class Orders {

    private Orders() {
    }

    static JsonObject awaitDone(Api api, String orderRef) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonObject order;
        do {
            Api.Response r = api.get(orderRef);
            if (r.status() != 200) {
                throw new IllegalStateException("GET " + orderRef + " -> " + r);
            }
            order = r.json();
            if (!"PENDING".equals(order.getString("status"))) {
                return order;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return order;
    }

    /**
     * For the message of a failed assertion on {@code order}: the order, and what {@code server}
     * logged about it or about order processing (CI shows a failure's message, not the server's log).
     */
    static String diagnosis(BoatServer server, JsonObject order) {
        String ref = order.getString("order_ref", "");
        String id = ref.substring(ref.lastIndexOf('/') + 1);
        List<String> lines;
        try {
            lines = Files.readAllLines(server.home().resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size() && found.size() < 60; i++) {
            String line = lines.get(i);
            boolean aboutTheOrder = !id.isEmpty() && line.contains(id);
            boolean aboutOrders = line.contains("io.boat.kms.order") && !line.contains("Portable JNDI names");
            if (aboutTheOrder || aboutOrders) {
                // The record's message and the head of its stack trace follow on the next lines.
                found.addAll(lines.subList(i, Math.min(lines.size(), i + 6)));
                i += 5;
            }
        }
        return order + "\nserver log about this order or order processing ("
                + (found.isEmpty() ? "nothing" : found.size() + " lines") + "):\n" + String.join("\n", found);
    }
}
