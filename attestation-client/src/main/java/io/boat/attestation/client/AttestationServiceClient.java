package io.boat.attestation.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * What a relying party (the KMS) asks the attestation service. Configure the base URL with
 * {@code attestation-service/mp-rest/url} (e.g. {@code http://host:8080/attestation-service/api}).
 * Unknown AK → 404; malformed AK name → 400; both with a JSON body {code,title,description}.
 */
@RegisterRestClient(configKey = "attestation-service")
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface AttestationServiceClient {

    /** The host's current trust report, looked up by its AK name (hex, e.g. "000b" + SHA-256). */
    @GET
    @Path("/trust-reports/{akName}")
    SignedTrustReport trustReport(@PathParam("akName") String akName);

    /** The service's JWS verification keys as a JWK set ({"keys":[...]}), as JSON text. */
    @GET
    @Path("/keys")
    String verificationKeys();
}
