package io.boat.kms.web.support;

import io.boat.kms.KmsException;
import io.boat.kms.release.ReleaseException;
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
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one exception mapper: a {@link KmsException} becomes the status {@link ErrorStatuses}
 * chooses for its kind and its client-safe message,
 * JAX-RS errors (unknown path, wrong method, unsupported media type) Barbican's JSON, and
 * anything unexpected a 500 whose details go only to the log, under an incident id. Attested-release
 * failures (including {@link ReleaseException}, which is not a KmsException) get Barbican's body
 * plus a stable {@code reason}, whatever their status.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable thrown) {
        return respond(thrown, uri == null ? "" : uri.getPath(), this::authUri);
    }

    /**
     * The answer to {@code thrown} on a request for {@code path} (relative to the application, as
     * {@link UriInfo#getPath()} gives it); {@code authUri} is asked for only when a 401 names the
     * identity endpoint. For answers written outside JAX-RS too, so both say the same.
     */
    public static Response respond(Throwable thrown, String path, Supplier<String> authUri) {
        Throwable t = unwrap(thrown);
        if (t instanceof ReleaseException e) {
            int status = ErrorStatuses.of(e);
            if (status >= 500) {
                LOG.log(Level.WARNING, "Release failed: " + e.getMessage(), e.getCause());
            }
            return Errors.barbican(status, releaseMessage(e, status), ErrorStatuses.releaseReason(e).orElseThrow());
        }
        if (t instanceof KmsException e) {
            int status = ErrorStatuses.of(e);
            if (status >= 500) {
                LOG.log(Level.WARNING, "Request failed: " + e.getMessage(), e.getCause());
            }
            Optional<String> reason = ErrorStatuses.releaseReason(e);
            if (reason.isPresent()) {
                // A release refusal is BOAT's answer about the host, not keystonemiddleware's about the token.
                return Errors.barbican(status, e.clientMessage(), reason.get());
            }
            return respond(path, authUri, status, e.clientMessage());
        }
        if (t instanceof WebApplicationException w) {
            return respond(path, authUri, w.getResponse().getStatus(), describe(w));
        }
        if (WriteConflicts.isConflict(thrown)) {
            return respond(path, authUri, 409, "Conflict: a concurrent request changed this resource first; retry.");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, t);
        return respond(path, authUri, 500, "Unexpected error, incident " + incident + ".");
    }

    private static Response respond(String path, Supplier<String> authUri, int status, String message) {
        boolean identity = path.startsWith("v3") || path.startsWith("/v3") || path.contains("v2.0");
        if (identity || status == 401) {
            // keystonemiddleware answers 401 in front of Barbican; Keystone answers every error so.
            return Errors.keystone(status, message, authUri.get());
        }
        return Errors.barbican(status, message);
    }

    private String authUri() {
        return uri == null ? "/v3" : uri.getBaseUriBuilder().path("v3").build().toString();
    }

    /** ReleaseException messages name sizes and ids only; a 500's details stay in the log all the same. */
    private static String releaseMessage(ReleaseException e, int status) {
        if (status < 500) {
            return e.getMessage() + "; ask for application/jose, which carries a secret of any size.";
        }
        return e.reason() == ReleaseException.Reason.UNUSABLE_BIND_KEY
            ? "The host's bind key cannot be used to wrap the secret." : "The secret could not be wrapped.";
    }

    private static String describe(WebApplicationException w) {
        if (w instanceof NotFoundException) {
            return Errors.NOT_FOUND;
        }
        if (w instanceof NotAllowedException) {
            return Errors.NOT_ALLOWED;
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
            if (current instanceof KmsException || current instanceof ReleaseException) {
                return current;
            }
            current = current.getCause();
        }
        return t;
    }
}
