package io.boat.kms.release;

import io.boat.kms.InvalidRequestException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A host's attestation key, named as the attestation service names hosts: the TPM name of the AK
 * (nameAlg SHA-256, {@code 000b} followed by the 32-byte digest, lower-case hex). Parsed at the edge
 * from the {@value #HEADER} request header; a malformed value is the client's error.
 */
public record AkName(String hex) {

    /** The request header an agent names its host's AK in. It says where to wrap, not who may read. */
    public static final String HEADER = "X-BOAT-AK-Name";

    private static final Pattern SHA256_NAME = Pattern.compile("000b[0-9a-f]{64}");

    public AkName {
        if (hex == null || !SHA256_NAME.matcher(hex).matches()) {
            throw new InvalidRequestException("AK name must be 000b followed by 64 hex digits");
        }
    }

    /** Parses a header value: surrounding blanks are ignored and hex digits may be upper-case. */
    public static AkName parse(String value) {
        if (value == null) {
            throw new InvalidRequestException("AK name must be 000b followed by 64 hex digits");
        }
        return new AkName(value.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return hex;
    }
}
