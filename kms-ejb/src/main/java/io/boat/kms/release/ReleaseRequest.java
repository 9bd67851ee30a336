package io.boat.kms.release;

import java.util.Objects;

/**
 * How a payload read asks to be answered: {@link #PLAIN} for the ordinary read (no AK header), or
 * wrapped to the bind key of the attested host named by {@code akName}, in {@code format}.
 */
public record ReleaseRequest(AkName akName, WrapFormat format) {

    /** The ordinary read: no host named; the plaintext goes to the authorised caller. */
    public static final ReleaseRequest PLAIN = new ReleaseRequest(null, null);

    public ReleaseRequest {
        if ((akName == null) != (format == null)) {
            throw new IllegalArgumentException("an attested release names both the host and the format");
        }
    }

    public static ReleaseRequest toHost(AkName akName, WrapFormat format) {
        return new ReleaseRequest(Objects.requireNonNull(akName), Objects.requireNonNull(format));
    }

    public boolean attested() {
        return akName != null;
    }
}
