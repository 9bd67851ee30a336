package io.boat.kms.release;

import io.boat.kms.KmsException;

/**
 * A release or refusal could not be recorded durably (the audit commit failed or did not finish in
 * time). A server-side failure (500): the release it was recording is not answered, so no key leaves
 * without its record.
 */
public class ReleaseAuditUnavailableException extends KmsException {
    private static final long serialVersionUID = 1L;

    static final String CLIENT_MESSAGE = "The release could not be recorded; nothing was released.";

    public ReleaseAuditUnavailableException(String logMessage, Throwable cause) {
        super(logMessage, CLIENT_MESSAGE, cause);
    }
}
