package io.boat.attestation.service.interfaces.rest;

import io.boat.attestation.client.SignedTrustReport;
import io.boat.attestation.service.application.AttestationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What relying parties read: signed trust reports by AK name, and the key to check them. */
@Path("/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "trust reports")
public class TrustReportResource {
    @Inject
    AttestationService service;

    @GET
    @Path("/trust-reports/{akName}")
    @Transactional
    @Operation(summary = "The host's current trust report and its JWS (RS256), by AK name (000b + 64 hex)")
    public SignedTrustReport trustReport(@PathParam("akName") String akName) {
        return service.trustReport(Inputs.akName(akName));
    }

    @GET
    @Path("/keys")
    @Operation(summary = "The service's JWS verification keys (JWK set)")
    public String keys() {
        return service.verificationKeys();
    }
}
