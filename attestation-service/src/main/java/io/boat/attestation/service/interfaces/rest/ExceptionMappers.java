package io.boat.attestation.service.interfaces.rest;

import io.boat.attestation.service.application.AttestationException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Maps every failure to a JSON {code,title,description}; never a stack trace, never 500 for bad input. */
final class ExceptionMappers {
    private ExceptionMappers() {
    }

    @Provider
    public static class Attestation implements ExceptionMapper<AttestationException> {
        @Override
        public Response toResponse(AttestationException e) {
            switch (e.kind()) {
                case NOT_FOUND: return ErrorBody.response(404, e.code(), "Not found", e.getMessage());
                case CONFLICT: return ErrorBody.response(409, e.code(), "Conflict", e.getMessage());
                case BAD_REQUEST: return ErrorBody.response(400, e.code(), "Bad request", e.getMessage());
                case TOO_MANY: return ErrorBody.response(429, e.code(), "Too many requests", e.getMessage());
                default: return ErrorBody.response(403, e.code(), "Refused", e.getMessage());
            }
        }
    }

    @Provider
    public static class BadInput implements ExceptionMapper<BadInputException> {
        @Override
        public Response toResponse(BadInputException e) {
            return ErrorBody.response(400, "bad_request", "Bad request", e.getMessage());
        }
    }

    @Provider
    public static class Json implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return ErrorBody.response(400, "bad_json", "Bad request", "request body is not valid JSON for this resource");
        }
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (e.getCause() instanceof JsonbException || e.getCause() instanceof jakarta.json.JsonException) {
                return ErrorBody.response(400, "bad_json", "Bad request", "request body is not valid JSON for this resource");
            }
            String title = e.getResponse().getStatusInfo().getReasonPhrase();
            return ErrorBody.response(status, "http_" + status, title, title);
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Exception> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof AttestationException ae) {
                    return new Attestation().toResponse(ae);
                }
                if (t instanceof BadInputException be) {
                    return new BadInput().toResponse(be);
                }
                if (t instanceof JsonbException) {
                    return ErrorBody.response(400, "bad_json", "Bad request", "request body is not valid JSON for this resource");
                }
            }
            LOG.log(Level.SEVERE, "unexpected failure", e);
            return ErrorBody.internal();
        }
    }
}
