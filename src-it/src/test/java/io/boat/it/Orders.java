package io.boat.it;

import jakarta.json.JsonObject;

/** Polls an order until it leaves PENDING (bounded: 60 s). */
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
}
