package io.boat.kms.web.order;

import io.boat.kms.config.BoatConfig;
import io.boat.kms.order.NewKeyOrder;
import io.boat.kms.order.OrderService;
import io.boat.kms.order.OrderView;
import io.boat.kms.secret.Page;
import io.boat.kms.web.secret.ListParams;
import io.boat.kms.web.support.RequestBodies;
import io.boat.kms.web.support.CurrentCaller;
import io.boat.kms.web.support.Links;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import static io.boat.kms.web.support.CachedJsonProvider.JSON;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;

/** Barbican's {@code /v1/orders}: 202 on create, then PENDING → ACTIVE or ERROR. */
@ApplicationScoped
@Path("v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    @EJB
    OrderService orders;

    @Inject
    CurrentCaller current;

    @Inject
    BoatConfig config;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        var caller = current.caller();
        NewKeyOrder request = OrderRequests.parse(RequestBodies.object(RequestBodies.read(body, config.maxRequestBytes())),
                config.defaultMaxReportAge());
        OrderView order = orders.create(caller, request);
        String ref = Links.order(uri, order.id());
        return Response.accepted(JSON.createObjectBuilder().add("order_ref", ref).build().toString())
                .location(URI.create(ref)).build();
    }

    @GET
    public String list() {
        int offset = ListParams.offset(uri);
        int limit = ListParams.limit(uri);
        Page<OrderView> page = orders.list(current.caller(), offset, limit);
        JsonArrayBuilder items = JSON.createArrayBuilder();
        page.items().forEach(o -> items.add(OrderJson.of(o, uri)));
        var b = JSON.createObjectBuilder().add("orders", items);
        ListParams.paging(b, Links.base(uri) + "/v1/orders", offset, limit, page.total());
        return b.build().toString();
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id) {
        return OrderJson.of(orders.get(current.caller(), id), uri).toString();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        orders.delete(current.caller(), id);
        return Response.noContent().build();
    }
}
