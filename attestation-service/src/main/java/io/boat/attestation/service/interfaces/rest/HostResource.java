package io.boat.attestation.service.interfaces.rest;

import io.boat.attestation.client.SignedTrustReport;
import io.boat.attestation.service.application.AttestationException;
import io.boat.attestation.service.application.AttestationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A host, by AK name: its bind key, challenges, quotes and operator-set attributes. */
@Path("/v1/hosts/{akName}")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "hosts")
public class HostResource {
    @Inject
    AttestationService service;

    @PathParam("akName")
    String akName;

    @PUT
    @Path("/bind-key")
    @Transactional(dontRollbackOn = AttestationException.class)
    @Operation(summary = "Register the bind key: TPMT_PUBLIC, TPM2_Certify attestation and AK signature, base64",
        description = "403 bind_key_refused unless certified by the host's activated AK with fixedTPM, fixedParent, "
            + "sensitiveDataOrigin, decrypt, and neither sign nor restricted.")
    public Dtos.BindKeyResponse bindKey(Dtos.BindKeyRequest body) {
        Inputs.body(body);
        return new Dtos.BindKeyResponse(service.registerBindKey(Inputs.akName(akName),
            Inputs.base64("bindPublic", body.bindPublic(), 1024), Inputs.base64("certifyInfo", body.certifyInfo(), 1024),
            Inputs.base64("signature", body.signature(), 1024)));
    }

    @POST
    @Path("/challenges")
    @Transactional
    @Operation(summary = "Issue a single-use nonce (hex) and the PCRs to quote; it expires shortly")
    public Response challenge() {
        AttestationService.Nonce n = service.issueNonce(Inputs.akName(akName));
        return Response.status(201).entity(new Dtos.ChallengeResponse(HexFormat.of().formatHex(n.nonce()), n.pcrs(),
            n.expiresAt().toString())).build();
    }

    @POST
    @Path("/quotes")
    @Transactional(dontRollbackOn = AttestationException.class)
    @Operation(summary = "Submit a quote (TPMS_ATTEST and TPMT_SIGNATURE base64, SHA-256 PCR values hex) for a nonce",
        description = "Returns the signed trust report; 403 quote_refused / nonce_refused for unauthentic or stale evidence.")
    public SignedTrustReport quote(Dtos.QuoteRequest body) {
        Inputs.body(body);
        if (body.pcrs() == null || body.pcrs().isEmpty() || body.pcrs().size() > 24) {
            throw new BadInputException("pcrs must map 1..24 PCR indexes to hex values");
        }
        Map<Integer, byte[]> pcrs = new TreeMap<>();
        body.pcrs().forEach((k, v) -> pcrs.put(Inputs.pcr(k), Inputs.hex("pcrs." + k, v, 32)));
        return service.submitQuote(Inputs.akName(akName), Inputs.hex("nonce", body.nonce(), 32),
            Inputs.base64("attest", body.attest(), 1024), Inputs.base64("signature", body.signature(), 1024), pcrs);
    }

    @PUT
    @Path("/attributes")
    @OperatorOnly
    @Transactional
    @Operation(summary = "Operator: set the host's group, location and asset tag")
    public Response attributes(Dtos.HostAttributesRequest body) {
        Inputs.body(body);
        service.setHostAttributes(Inputs.akName(akName), Inputs.text("hostGroup", body.hostGroup(), false),
            Inputs.text("location", body.location(), false), Inputs.text("assetTag", body.assetTag(), false));
        return Response.noContent().build();
    }
}
