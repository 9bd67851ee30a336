package io.boat.attestation.service.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON error body {code, title, description} every failure is answered with. */
public record ErrorBody(String code, String title, String description) {
    /**
     * The answer to any failure the service did not expect, from a resource or from the container:
     * the cause is the log's business, not the client's.
     */
    static final ErrorBody INTERNAL = new ErrorBody("internal_error", "Internal error",
        "the attestation service failed; see its log");

    static Response response(int status, String code, String title, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new ErrorBody(code, title, description)).build();
    }

    static Response internal() {
        return response(500, INTERNAL.code(), INTERNAL.title(), INTERNAL.description());
    }
}
