package io.boat.kms.web;

import io.boat.kms.web.support.Links;
import static io.boat.kms.web.support.CachedJsonProvider.JSON;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Barbican's version discovery: {@code GET /} (300 Multiple Choices) and {@code GET /v1}. No token needed. */
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class VersionResource {

    @Context
    UriInfo uri;

    /**
     * The discovery document per base URL: it only changes with the base, which is the configured
     * public URL or a listener's own address (PublicUrlFilter), so there are as many as listeners.
     */
    private final Map<String, String> documents = new ConcurrentHashMap<>();

    @GET
    public Response versions() {
        String body = documents.computeIfAbsent(Links.base(uri), base -> JSON.createObjectBuilder()
                .add("versions", JSON.createObjectBuilder().add("values", JSON.createArrayBuilder().add(v1(base))))
                .build().toString());
        return Response.status(300).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("v1")
    public String v1Document() {
        return JSON.createObjectBuilder().add("version", v1(Links.base(uri))).build().toString();
    }

    private static JsonObjectBuilder v1(String base) {
        return JSON.createObjectBuilder()
                .add("id", "v1")
                .add("status", "stable")
                .add("links", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("rel", "self").add("href", base + "/v1/"))
                        .add(JSON.createObjectBuilder().add("rel", "describedby").add("type", "text/html")
                                .add("href", "https://docs.openstack.org/")))
                .add("media-types", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("base", "application/json")
                        .add("type", "application/vnd.openstack.key-manager-v1+json")));
    }
}
