package io.boat.attestation.service.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON error body {code, title, description} every failure is answered with. */
public record ErrorBody(String code, String title, String description) {
    static Response response(int status, String code, String title, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new ErrorBody(code, title, description)).build();
    }
}
