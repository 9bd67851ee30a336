package io.boat.kms.web.secret;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The payload content types Barbican accepts, normalised ({@code text/plain; charset=utf-8} is
 * {@code text/plain}), and whether each is text or base64-encoded binary in JSON.
 */
public final class ContentTypes {

    public static final String TEXT = "text/plain";
    public static final String OCTET_STREAM = "application/octet-stream";
    static final Set<String> BINARY = Set.of(OCTET_STREAM, "application/pkcs8", "application/pkix-cert",
            "application/aes");
    private static final Map<String, String> ALIASES = Map.of(
            "text/plain;charset=utf-8", TEXT,
            "text/plain; charset=utf-8", TEXT);

    private ContentTypes() {
    }

    /** The canonical form of a supported type, or empty. */
    public static Optional<String> normalise(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String t = contentType.trim().toLowerCase(Locale.ROOT);
        t = ALIASES.getOrDefault(t, t);
        return TEXT.equals(t) || BINARY.contains(t) ? Optional.of(t) : Optional.empty();
    }

    public static boolean isText(String canonical) {
        return TEXT.equals(canonical);
    }

    public static String supportedList() {
        return "['text/plain', 'text/plain;charset=utf-8', 'text/plain; charset=utf-8', "
                + "'application/octet-stream', 'application/pkcs8', 'application/pkix-cert', 'application/aes']";
    }

    /**
     * The Content-Type to answer a payload request with, given its {@code Accept} and the type the
     * secret was stored with; empty when the client accepts none that fits.
     */
    public static Optional<String> responseType(String accept, String stored) {
        if (accept == null || accept.isBlank() || "*/*".equals(accept.trim())) {
            return Optional.of("*/*"); // Barbican echoes the wildcard; the transcript shows it.
        }
        for (String option : accept.split(",")) {
            String type = option.split(";q=")[0].trim();
            if ("*/*".equals(type)) {
                return Optional.of("*/*");
            }
            if (normalise(type).filter(stored::equals).isPresent()) {
                return Optional.of(isText(stored) ? "text/plain; charset=UTF-8" : stored);
            }
        }
        return Optional.empty();
    }
}
