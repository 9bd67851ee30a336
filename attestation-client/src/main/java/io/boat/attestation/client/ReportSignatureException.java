package io.boat.attestation.client;

/**
 * A signed trust report cannot be trusted: not a compact JWS, not RS256, signed by a key the
 * attestation service does not publish, a signature that does not verify, or claims of the wrong
 * shape. Also thrown when the service's key set cannot be had. The message says which; it never
 * carries the report.
 */
public class ReportSignatureException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReportSignatureException(String message) {
        super(message);
    }

    public ReportSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
