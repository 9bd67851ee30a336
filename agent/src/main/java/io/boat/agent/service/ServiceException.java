package io.boat.agent.service;

/** The attestation service refused a request or could not be reached; carries its JSON error code. */
public class ServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    public ServiceException(int status, String code, String description) {
        super(description);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
