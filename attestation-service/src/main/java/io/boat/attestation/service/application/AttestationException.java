package io.boat.attestation.service.application;

/**
 * An expected failure of an attestation use case. {@link #code()} is a stable machine-readable code,
 * {@link #getMessage()} a client-safe description (never secrets or stack details).
 */
public class AttestationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How the failure maps onto HTTP, without this package knowing about JAX-RS. */
    public enum Kind { BAD_REQUEST, NOT_FOUND, CONFLICT, REFUSED, TOO_MANY }

    private final Kind kind;
    private final String code;

    public AttestationException(Kind kind, String code, String description) {
        super(description);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    static AttestationException refused(String code, String description) {
        return new AttestationException(Kind.REFUSED, code, description);
    }

    static AttestationException badRequest(String code, String description) {
        return new AttestationException(Kind.BAD_REQUEST, code, description);
    }

    static AttestationException notFound(String description) {
        return new AttestationException(Kind.NOT_FOUND, "unknown_host", description);
    }
}
