package io.boat.kms.web.secret;

import io.boat.kms.release.MalformedAkNameException;
import io.boat.kms.release.ReleaseRequest;
import io.boat.kms.release.UnacceptableReleaseFormatException;
import io.boat.kms.release.WrapFormat;
import java.util.Locale;

/**
 * Reads the release part of a payload request: the {@code X-BOAT-AK-Name} header (absent: the
 * ordinary read) and, when a host is named, the wrapped format its {@code Accept} asks for. The
 * stored content type plays no part: the host always gets a wrap, never the plaintext type.
 */
final class ReleaseRequests {

    private ReleaseRequests() {
    }

    static ReleaseRequest of(String akHeader, String accept) {
        if (akHeader == null) {
            return ReleaseRequest.PLAIN;
        }
        return ReleaseRequest.toHost(MalformedAkNameException.parse(akHeader), format(accept));
    }

    /** The first of the client's types (in its order) BOAT can wrap into; absent or {@code *}{@code /*} is the JWE. */
    static WrapFormat format(String accept) {
        if (accept == null || accept.isBlank()) {
            return WrapFormat.JWE;
        }
        for (String option : accept.split(",")) {
            String type = option.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if ("*/*".equals(type) || "application/*".equals(type) || WrapFormat.JWE.mediaType().equals(type)) {
                return WrapFormat.JWE;
            }
            if (WrapFormat.RAW.mediaType().equals(type)) {
                return WrapFormat.RAW;
            }
        }
        throw new UnacceptableReleaseFormatException("A release to an attested host is sent as "
            + WrapFormat.JWE.mediaType() + " or " + WrapFormat.RAW.mediaType() + "; the Accept header allows neither.");
    }
}
