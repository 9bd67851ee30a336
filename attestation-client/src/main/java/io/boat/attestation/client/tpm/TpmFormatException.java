package io.boat.attestation.client.tpm;

/** A TPM structure is malformed or holds a value this parser does not support; {@link #problem()} says which. */
public class TpmFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The closed set of reasons a structure is refused. */
    public enum Problem {
        /** The buffer ends before a field does. */
        TRUNCATED,
        /** A size field is larger than the structure allows. */
        OVERSIZED,
        /** Bytes remain after the structure. */
        TRAILING_BYTES,
        /** The object type or an algorithm identifier is not one this parser handles. */
        UNSUPPORTED,
        /** Fields disagree with each other (e.g. key size and modulus length). */
        INCONSISTENT
    }

    private final Problem problem;

    public TpmFormatException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
