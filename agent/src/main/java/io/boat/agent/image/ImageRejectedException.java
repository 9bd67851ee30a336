package io.boat.agent.image;

/**
 * An encrypted image was refused: it is not in the format, or it failed authentication (wrong key,
 * or modified, reordered, truncated or extended). When this is thrown no plaintext output exists.
 */
public final class ImageRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, as a stable word the command line prints. */
    public enum Reason { NOT_AN_IMAGE, UNSUPPORTED_VERSION, BAD_HEADER, TRUNCATED, AUTHENTICATION_FAILED, WRONG_SECRET }

    private final Reason reason;

    public ImageRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
