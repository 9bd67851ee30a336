package io.boat.kms.web.support;

import io.boat.kms.KmsException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one exception mapper: a {@link KmsException} becomes the status {@link ErrorStatuses}
 * chooses for its kind and its client-safe message,
 * JAX-RS errors (unknown path, wrong method, unsupported media type) Barbican's JSON, and
 * anything unexpected a 500 whose details go only to the log, under an incident id.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof KmsException e) {
            int status = ErrorStatuses.of(e);
            if (status >= 500) {
                LOG.log(Level.WARNING, "Request failed: " + e.getMessage(), e.getCause());
            }
            return respond(status, e.clientMessage());
        }
        if (t instanceof WebApplicationException w) {
            return respond(w.getResponse().getStatus(), describe(w));
        }
        if (WriteConflicts.isConflict(thrown)) {
            return respond(409, "Conflict: a concurrent request changed this resource first; retry.");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, t);
        return respond(500, "Unexpected error, incident " + incident + ".");
    }

    private Response respond(int status, String message) {
        String path = uri == null ? "" : uri.getPath();
        boolean identity = path.startsWith("v3") || path.startsWith("/v3") || path.contains("v2.0");
        if (identity || status == 401) {
            // keystonemiddleware answers 401 in front of Barbican; Keystone answers every error so.
            return Errors.keystone(status, message, authUri());
        }
        return Errors.barbican(status, message);
    }

    private String authUri() {
        return uri == null ? "/v3" : uri.getBaseUriBuilder().path("v3").build().toString();
    }

    private static String describe(WebApplicationException w) {
        if (w instanceof NotFoundException) {
            return "The resource could not be found.";
        }
        if (w instanceof NotAllowedException) {
            return "The method is not allowed for this resource.";
        }
        if (w instanceof NotSupportedException) {
            return "Unsupported Content-Type.";
        }
        if (w instanceof NotAcceptableException) {
            return "Wrong Accept header.";
        }
        return Errors.title(w.getResponse().getStatus());
    }

    /** The first KmsException in the cause chain (EJB, CDI and transaction wrappers hide it), or t. */
    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        for (int depth = 0; depth < 10 && current != null; depth++) {
            if (current instanceof KmsException) {
                return current;
            }
            current = current.getCause();
        }
        return t;
    }
}
