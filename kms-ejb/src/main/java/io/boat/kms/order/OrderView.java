package io.boat.kms.order;

import java.time.OffsetDateTime;

/** What clients see of an order. */
public record OrderView(String id, String type, String metaJson, String status, Integer errorStatusCode,
                        String errorReason, String secretId, OffsetDateTime created, OffsetDateTime updated) {

    static OrderView of(OrderEntity e) {
        return new OrderView(e.id, e.type, e.metaJson, e.status, e.errorStatusCode, e.errorReason, e.secretId,
                e.created, e.updated);
    }
}
