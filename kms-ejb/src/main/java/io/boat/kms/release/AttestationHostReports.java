package io.boat.kms.release;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Trust reports from the attestation service through attestation-client, JWS-verified and cached by
 * AK name. Placeholder until the client side lands: every release is refused as unavailable.
 */
@ApplicationScoped
public class AttestationHostReports implements HostReports {

    @Override
    public AttestedHost current(AkName akName, Duration maxAge) {
        throw new AttestationUnavailableException("no attestation service client is configured",
            "The attestation service is unavailable.", null);
    }
}
