/**
 * MicroProfile Rest Client for the attestation service and the trust-report model the KMS consumes.
 * A relying party must check {@link io.boat.attestation.client.SignedTrustReport#getJws()} against the
 * service's published key ({@link io.boat.attestation.client.AttestationServiceClient#verificationKeys()})
 * and use the claims inside the JWS, not the unsigned copy: {@link io.boat.attestation.client.TrustReportVerifier}
 * does both, and {@link io.boat.attestation.client.AttestationServiceConnection} builds the client from
 * MicroProfile Config with default timeouts and turns transport failures into "not enrolled" or "unavailable".
 */
package io.boat.attestation.client;
