package io.boat.agent.service;

/** BOAT's key manager or identity API refused a request or could not be reached (status 0 when nothing answered). */
public class KeyManagerException extends ServiceException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public KeyManagerException(int status, String code, String description) {
        this(status, code, null, description);
    }

    /** {@code reason}: the stable word BOAT's error body gives (e.g. host_untrusted), or null. */
    public KeyManagerException(int status, String code, String reason, String description) {
        super(status, code, description);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
