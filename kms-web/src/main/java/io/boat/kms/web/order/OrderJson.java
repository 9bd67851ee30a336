package io.boat.kms.web.order;

import io.boat.kms.order.OrderView;
import io.boat.kms.web.support.Links;
import static io.boat.kms.web.support.CachedJsonProvider.JSON;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;

/** An order in Barbican's JSON shape: the request's meta echoed (with a null expiration), refs as links. */
final class OrderJson {

    private OrderJson() {
    }

    static JsonObject of(OrderView o, UriInfo uri) {
        JsonObject meta = JSON.createReader(new StringReader(o.metaJson())).readObject();
        var metaOut = JSON.createObjectBuilder(meta);
        if (!meta.containsKey("expiration")) {
            metaOut.addNull("expiration");
        }
        var b = JSON.createObjectBuilder()
                .add("created", Links.time(o.created()))
                .add("updated", Links.time(o.updated()))
                .add("status", o.status())
                .add("type", o.type())
                .add("meta", metaOut)
                .add("sub_status", "Unknown")
                .add("sub_status_message", "Unknown");
        if (o.secretId() != null) {
            b.add("secret_ref", Links.secret(uri, o.secretId()));
        }
        if (o.errorStatusCode() != null) {
            b.add("error_status_code", String.valueOf(o.errorStatusCode()));
            b.add("error_reason", o.errorReason());
        }
        return b.add("order_ref", Links.order(uri, o.id())).build();
    }
}
