package io.boat.kms.web.secret;

import io.boat.kms.config.BoatConfig;
import io.boat.kms.release.AkName;
import io.boat.kms.release.ReleaseRequest;
import io.boat.kms.secret.NewSecret;
import io.boat.kms.secret.Page;
import io.boat.kms.secret.Payload;
import io.boat.kms.secret.SecretId;
import io.boat.kms.secret.SecretService;
import io.boat.kms.secret.SecretView;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;

/** Barbican's {@code /v1/secrets}: create, list, metadata, payload, two-step upload, delete. */
@ApplicationScoped
@Path("v1/secrets")
public class SecretsResource {

    @EJB
    SecretService secrets;

    @Inject
    CurrentCaller current;

    @Inject
    BoatConfig config;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        var caller = current.caller();
        NewSecret request = SecretRequests.parse(RequestBodies.object(RequestBodies.read(body, config.maxRequestBytes())));
        try {
            SecretView created = secrets.create(caller, request);
            String ref = Links.secret(uri, created.id());
            return Response.created(URI.create(ref))
                    .entity(JSON.createObjectBuilder().add("secret_ref", ref).build().toString()).build();
        } finally {
            if (request.payload() != null) {
                request.payload().close();
            }
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list() {
        var query = ListParams.secretQuery(uri);
        Page<SecretView> page = secrets.list(current.caller(), query);
        JsonArrayBuilder items = JSON.createArrayBuilder();
        page.items().forEach(s -> items.add(SecretJson.of(s, uri)));
        var b = JSON.createObjectBuilder().add("secrets", items);
        ListParams.paging(b, Links.base(uri) + "/v1/secrets", query.offset(), query.limit(), page.total());
        return b.build().toString();
    }

    /** Metadata as JSON; any other Accept is Barbican's legacy way to ask for the payload. */
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") SecretId id, @HeaderParam(HttpHeaders.ACCEPT) String accept,
                        @HeaderParam(AkName.HEADER) String akName) {
        if (wantsJson(accept)) {
            SecretView s = secrets.get(current.caller(), id);
            return Response.ok(SecretJson.of(s, uri).toString(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return payloadResponse(id, accept, akName);
    }

    /** The payload; with an {@value AkName#HEADER} header, wrapped to that attested host's TPM. */
    @GET
    @Path("{id}/payload")
    public Response payload(@PathParam("id") SecretId id, @HeaderParam(HttpHeaders.ACCEPT) String accept,
                            @HeaderParam(AkName.HEADER) String akName) {
        return payloadResponse(id, accept, akName);
    }

    /** Second step of a two-step create: the raw payload, once. */
    @PUT
    @Path("{id}")
    public Response putPayload(@PathParam("id") SecretId id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                               @HeaderParam("Content-Encoding") String encoding, InputStream body) {
        var caller = current.caller();
        try (Payload upload = SecretRequests.upload(contentType, encoding, () -> RequestBodies.read(body,
                config.maxRequestBytes()))) {
            secrets.putPayload(caller, id, upload.contentType(), upload.bytes());
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") SecretId id) {
        secrets.delete(current.caller(), id);
        return Response.noContent().build();
    }

    private Response payloadResponse(SecretId id, String accept, String akName) {
        var caller = current.caller();
        ReleaseRequest release = ReleaseRequests.of(akName, accept);
        Payload p = secrets.payload(caller, id, stored -> ContentTypes.responseType(accept, stored), release);
        return Response.ok(new PayloadOutput(p)).header(HttpHeaders.CONTENT_TYPE, p.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, p.bytes().length()).build();
    }

    private static boolean wantsJson(String accept) {
        return accept == null || accept.isBlank() || accept.contains("application/json") || "*/*".equals(accept.trim());
    }
}
