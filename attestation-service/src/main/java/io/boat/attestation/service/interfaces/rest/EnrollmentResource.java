package io.boat.attestation.service.interfaces.rest;

import io.boat.attestation.service.application.AttestationException;
import io.boat.attestation.service.application.AttestationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;

/** Enrollment: EK + EK certificate + AK in, MakeCredential challenge out; then the activation answer. */
@Path("/v1/enrollments")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EnrollmentResource {
    @Inject
    AttestationService service;

    @POST
    @Transactional(dontRollbackOn = AttestationException.class)
    public Response enroll(JsonBodies.EnrollmentRequest body) {
        RequestFields.body(body);
        AttestationService.Enrollment e = service.enroll(RequestFields.base64("ekPublic", body.ekPublic(), 1024),
            RequestFields.base64("ekCertificate", body.ekCertificate(), 4096), RequestFields.base64("akPublic", body.akPublic(), 1024),
            RequestFields.text("hostname", body.hostname(), false));
        Base64.Encoder b64 = Base64.getEncoder();
        return Response.status(201).entity(new JsonBodies.EnrollmentResponse(e.hostId(), e.akName(),
            b64.encodeToString(e.credentialBlob()), b64.encodeToString(e.encryptedSecret()))).build();
    }

    @POST
    @Path("/{hostId}/activation")
    @Transactional(dontRollbackOn = AttestationException.class)
    public JsonBodies.ActivationResponse activate(@PathParam("hostId") String hostId, JsonBodies.ActivationRequest body) {
        RequestFields.body(body);
        String akName = service.activate(RequestFields.hostId(hostId), RequestFields.base64("secret", body.secret(), 64));
        return new JsonBodies.ActivationResponse(akName, "ACTIVE");
    }
}
