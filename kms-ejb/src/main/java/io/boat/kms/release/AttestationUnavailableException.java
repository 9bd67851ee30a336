package io.boat.kms.release;

import io.boat.kms.KmsException;

/**
 * The attestation service could not vouch for the host: unreachable, timed out, answered with an
 * error, or sent a report whose signature does not verify. A server-side failure (500); no release.
 */
public class AttestationUnavailableException extends KmsException {
    private static final long serialVersionUID = 1L;

    public AttestationUnavailableException(String logMessage, String clientMessage, Throwable cause) {
        super(logMessage, clientMessage, cause);
    }
}
