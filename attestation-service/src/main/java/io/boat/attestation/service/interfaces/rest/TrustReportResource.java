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

/** What relying parties read: signed trust reports by AK name, and the key to check them. */
@Path("/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrustReportResource {
    @Inject
    AttestationService service;

    @GET
    @Path("/trust-reports/{akName}")
    @Transactional
    public SignedTrustReport trustReport(@PathParam("akName") String akName) {
        return service.trustReport(RequestFields.akName(akName));
    }

    @GET
    @Path("/keys")
    public String keys() {
        return service.verificationKeys();
    }
}
