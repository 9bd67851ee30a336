package io.boat.kms.web.secret;

import io.boat.kms.InvalidRequestException;
import io.boat.kms.secret.MetadataKeys;
import io.boat.kms.config.BoatConfig;
import io.boat.kms.secret.SecretId;
import io.boat.kms.secret.SecretMetadataService;
import io.boat.kms.web.support.RequestBodies;
import io.boat.kms.web.support.CurrentCaller;
import io.boat.kms.web.support.RequestFields;
import io.boat.kms.web.support.Links;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import static io.boat.kms.web.support.CachedJsonProvider.JSON;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** User metadata of a secret: Barbican's {@code /v1/secrets/{id}/metadata}. */
@ApplicationScoped
@Path("v1/secrets/{id}/metadata")
@Produces(MediaType.APPLICATION_JSON)
public class SecretMetadataResource {

    @EJB
    SecretMetadataService metadata;

    @Inject
    CurrentCaller current;

    @Inject
    BoatConfig config;

    @Context
    UriInfo uri;

    @GET
    public String all(@PathParam("id") SecretId id) {
        JsonObjectBuilder m = JSON.createObjectBuilder();
        metadata.all(current.caller(), id).forEach(m::add);
        return JSON.createObjectBuilder().add("metadata", m).build().toString();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") SecretId id, InputStream body) {
        var caller = current.caller();
        JsonObject json = RequestBodies.object(RequestBodies.read(body, config.maxRequestBytes()));
        JsonObject given = new RequestFields(json, "User Metadata").object("metadata");
        if (given == null) {
            throw new InvalidRequestException("Provided object does not match schema 'User Metadata': "
                    + "'metadata' is a required property. Invalid property: 'metadata'");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : given.entrySet()) {
            if (e.getValue().getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidRequestException("Provided object does not match schema 'User Metadata': "
                        + "values must be strings. Invalid property: '" + e.getKey() + "'");
            }
            values.put(e.getKey(), ((JsonString) e.getValue()).getString());
        }
        metadata.replace(caller, id, values);
        String ref = Links.secret(uri, id.value()) + "/metadata";
        return Response.created(URI.create(ref))
                .entity(JSON.createObjectBuilder().add("metadata_ref", ref).build().toString()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("id") SecretId id, InputStream body) {
        var caller = current.caller();
        RequestFields f = new RequestFields(RequestBodies.object(RequestBodies.read(body, config.maxRequestBytes())), "User Metadatum");
        String key = metadata.add(caller, id, f.requiredString("key", 255), f.requiredString("value", 255));
        // The key may hold spaces, quotes, '%' or '<': it is a path segment, so it is encoded as one.
        URI ref = UriBuilder.fromUri(Links.secret(uri, id.value())).path("metadata").path("{key}").build(key);
        return Response.created(ref).entity(pair(key, f.string("value", 255))).build();
    }

    @GET
    @Path("{key}")
    public String get(@PathParam("id") SecretId id, @PathParam("key") String key) {
        String value = metadata.get(current.caller(), id, key);
        return pair(MetadataKeys.normalise(key), value);
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String update(@PathParam("id") SecretId id, @PathParam("key") String key, InputStream body) {
        var caller = current.caller();
        RequestFields f = new RequestFields(RequestBodies.object(RequestBodies.read(body, config.maxRequestBytes())), "User Metadatum");
        String bodyKey = f.requiredString("key", 255);
        if (!MetadataKeys.normalise(bodyKey).equals(MetadataKeys.normalise(key))) {
            throw new InvalidRequestException("Key in request data does not match key in the request url.");
        }
        String value = f.requiredString("value", 255);
        metadata.update(caller, id, key, value);
        return pair(MetadataKeys.normalise(key), value);
    }

    @DELETE
    @Path("{key}")
    public Response delete(@PathParam("id") SecretId id, @PathParam("key") String key) {
        metadata.delete(current.caller(), id, key);
        return Response.noContent().build();
    }

    private static String pair(String key, String value) {
        return JSON.createObjectBuilder().add("key", key).add("value", value).build().toString();
    }
}
