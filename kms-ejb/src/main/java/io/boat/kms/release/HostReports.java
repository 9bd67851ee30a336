package io.boat.kms.release;

import java.time.Duration;

/**
 * Where BOAT gets a host's trust report: from the attestation service, its JWS verified, and from a
 * cache keyed by AK name so the hot path stays off the network.
 */
public interface HostReports {

    /**
     * The host's current report. A cached report younger than {@code maxAge} is returned as is;
     * otherwise the service is asked again.
     *
     * @throws ReleaseRefusedException {@link ReleaseRefusedException.Reason#HOST_UNKNOWN} when the service does not know the AK
     * @throws AttestationUnavailableException when the service cannot be reached in the configured
     *         timeouts, answers with an error, or its report's signature does not verify
     */
    AttestedHost current(AkName akName, Duration maxAge);
}
