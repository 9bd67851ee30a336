package io.boat.kms.web.order;

import io.boat.kms.InvalidRequestException;
import io.boat.kms.order.NewKeyOrder;
import io.boat.kms.store.KeySpec;
import io.boat.kms.web.secret.ReleasePolicyJson;
import io.boat.kms.web.support.RequestFields;
import jakarta.json.JsonObject;

/** Validates a {@code POST /v1/orders} body with Barbican's rules and wording. */
final class OrderRequests {

    static final String UNSUPPORTED = "Provided field value is not supported";

    private OrderRequests() {
    }

    /** {@code defaultMaxReportAge}: what a {@code release_policy} without {@code max_report_age} gets. */
    static NewKeyOrder parse(JsonObject json, int defaultMaxReportAge) {
        RequestFields f = new RequestFields(json, "Order");
        String type = f.requiredString("type", 32);
        if (!"key".equals(type)) {
            throw f.invalid("type", "type is not one of ['key'] (asymmetric and certificate orders are not supported)");
        }
        JsonObject meta = f.object("meta");
        if (meta == null) {
            throw f.invalid("meta", "'meta' is a required property");
        }
        RequestFields m = new RequestFields(meta, "Order");
        String name = m.string("name", 255);
        String algorithm = m.requiredString("algorithm", 64);
        Integer bits = m.integer("bit_length", 1, 1 << 16);
        if (bits == null) {
            throw m.invalid("bit_length", "'bit_length' is a required property");
        }
        String mode = m.string("mode", 64);
        String contentType = m.string("payload_content_type", 64);
        if (contentType != null && !"application/octet-stream".equals(contentType)) {
            throw new InvalidRequestException(UNSUPPORTED);
        }
        if (!KeySpec.isSupported(algorithm, bits)) {
            throw new InvalidRequestException(UNSUPPORTED);
        }
        JsonObject release = f.object("release_policy");
        return new NewKeyOrder(meta.toString(), name, new KeySpec(algorithm, bits, mode), m.dateTime("expiration"),
                contentType, release == null ? null : ReleasePolicyJson.parse(release, defaultMaxReportAge));
    }
}
