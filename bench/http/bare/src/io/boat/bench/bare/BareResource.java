package io.boat.bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Answers {@code GET /} with 200 and a tiny JSON body: a request that does nothing. */
@Path("")
public class BareResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
        return "{\"status\":\"ok\"}";
    }
}
