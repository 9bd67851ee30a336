package io.boat.kms.web.support;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Error bodies as Barbican and Keystone write them. */
public final class Errors {

    /** The description of a 404, whether JAX-RS or the container answers it. */
    public static final String NOT_FOUND = "The resource could not be found.";

    /** The description of a 405, whether JAX-RS or the container answers it. */
    public static final String NOT_ALLOWED = "The method is not allowed for this resource.";

    private Errors() {
    }

    /** Barbican: {@code {"code": 404, "title": "Not Found", "description": "..."}}. */
    public static Response barbican(int status, String description) {
        return barbican(status, description, null);
    }

    /** Barbican's body plus, when not null, BOAT's stable snake-case {@code reason} (attested-release failures). */
    public static Response barbican(int status, String description, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(barbicanBody(status, description, reason)).build();
    }

    /** The JSON text of {@link #barbican(int, String, String)}, for answers written outside JAX-RS. */
    public static String barbicanBody(int status, String description, String reason) {
        var body = CachedJsonProvider.JSON.createObjectBuilder().add("code", status).add("title", title(status))
                .add("description", description);
        if (reason != null) {
            body.add("reason", reason);
        }
        return body.build().toString();
    }

    /** Keystone (and keystonemiddleware in front of Barbican): {@code {"error": {...}}}. */
    public static Response keystone(int status, String message, String authUri) {
        String body = CachedJsonProvider.JSON.createObjectBuilder().add("error", CachedJsonProvider.JSON.createObjectBuilder().add("code", status)
                .add("title", title(status)).add("message", message)).build().toString();
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        if (status == 401) {
            r.header("WWW-Authenticate", "Keystone uri=\"" + authUri + "\"");
        }
        return r.build();
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> {
                Response.Status s = Response.Status.fromStatusCode(status);
                yield s == null ? "Error" : s.getReasonPhrase();
            }
        };
    }
}
