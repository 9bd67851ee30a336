package io.boat.agent.service;

/** BOAT's key manager or identity API refused a request or could not be reached (status 0 when nothing answered). */
public class KeyManagerException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public KeyManagerException(int status, String code, String description) {
        super(status, code, description);
    }
}
