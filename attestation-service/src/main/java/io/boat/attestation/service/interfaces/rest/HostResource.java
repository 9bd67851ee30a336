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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** A host, by AK name: its bind key, challenges, quotes and operator-set attributes. */
@Path("/v1/hosts/{akName}")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class HostResource {
    @Inject
    AttestationService service;

    @PathParam("akName")
    String akName;

    @PUT
    @Path("/bind-key")
    @Transactional(dontRollbackOn = AttestationException.class)
    public JsonBodies.BindKeyResponse bindKey(JsonBodies.BindKeyRequest body) {
        RequestFields.body(body);
        return new JsonBodies.BindKeyResponse(service.registerBindKey(RequestFields.akName(akName), RequestFields.hex("nonce", body.nonce(), 32),
            RequestFields.base64("bindPublic", body.bindPublic(), 1024), RequestFields.base64("certifyInfo", body.certifyInfo(), 1024),
            RequestFields.base64("signature", body.signature(), 1024)));
    }

    @POST
    @Path("/challenges")
    @Transactional
    public Response challenge(@Context HttpServletRequest request) {
        AttestationService.Nonce n = service.issueNonce(RequestFields.akName(akName), request.getRemoteAddr());
        return Response.status(201).entity(new JsonBodies.ChallengeResponse(HexFormat.of().formatHex(n.nonce()), n.pcrs(),
            n.expiresAt().toString())).build();
    }

    @POST
    @Path("/quotes")
    @Transactional(dontRollbackOn = AttestationException.class)
    public SignedTrustReport quote(JsonBodies.QuoteRequest body) {
        RequestFields.body(body);
        if (body.pcrs() == null || body.pcrs().isEmpty() || body.pcrs().size() > 24) {
            throw new BadInputException("pcrs must map 1..24 PCR indexes to hex values");
        }
        Map<Integer, byte[]> pcrs = new TreeMap<>();
        body.pcrs().forEach((k, v) -> pcrs.put(RequestFields.pcr(k), RequestFields.hex("pcrs." + k, v, 32)));
        return service.submitQuote(RequestFields.akName(akName), RequestFields.hex("nonce", body.nonce(), 32),
            RequestFields.base64("attest", body.attest(), 1024), RequestFields.base64("signature", body.signature(), 1024), pcrs);
    }

    @PUT
    @Path("/attributes")
    @OperatorOnly
    @Transactional
    public Response attributes(JsonBodies.HostAttributesRequest body) {
        RequestFields.body(body);
        service.setHostAttributes(RequestFields.akName(akName), RequestFields.text("hostGroup", body.hostGroup(), false),
            RequestFields.text("location", body.location(), false), RequestFields.text("assetTag", body.assetTag(), false));
        return Response.noContent().build();
    }
}
