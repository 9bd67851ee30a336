package io.boat.attestation.service.interfaces.rest;

import java.util.List;
import java.util.Map;

/** The JSON request and response bodies of the REST API, as records (binary values base64, names and nonces hex). */
final class JsonBodies {
    private JsonBodies() {
    }

    public record EnrollmentRequest(String ekPublic, String ekCertificate, String akPublic, String hostname) {
    }

    public record EnrollmentResponse(String hostId, String akName, String credentialBlob, String encryptedSecret) {
    }

    public record ActivationRequest(String secret) {
    }

    public record ActivationResponse(String akName, String status) {
    }

    public record BindKeyRequest(String nonce, String bindPublic, String certifyInfo, String signature) {
    }

    public record BindKeyResponse(String bindKeyName) {
    }

    public record ChallengeResponse(String nonce, List<Integer> pcrs, String expiresAt) {
    }

    public record QuoteRequest(String nonce, String attest, String signature, Map<String, String> pcrs) {
    }

    public record ReferenceValuesRequest(Map<String, List<String>> pcrs) {
    }

    public record HostAttributesRequest(String hostGroup, String location, String assetTag) {
    }
}
