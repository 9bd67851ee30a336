package io.boat.kms.release;

import io.boat.kms.InvalidRequestException;

/** The {@value AkName#HEADER} header is present but is not a SHA-256 TPM name (400). */
public class MalformedAkNameException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public MalformedAkNameException(String clientMessage) {
        super(clientMessage);
    }

    /** Parses a header value, rephrasing a malformed one as this exception. */
    public static AkName parse(String header) {
        try {
            return AkName.parse(header);
        } catch (InvalidRequestException e) {
            throw new MalformedAkNameException("Malformed " + AkName.HEADER + " header: " + e.clientMessage() + ".");
        }
    }
}
