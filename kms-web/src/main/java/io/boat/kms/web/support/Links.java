package io.boat.kms.web.support;

import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Hrefs and timestamps in Barbican's form. */
public final class Links {

    /** Barbican's timestamps: UTC, microseconds, no offset ("2026-11-28T08:22:58.390150"). */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private Links() {
    }

    /** {@code http://host:port} as the client addressed us, without a trailing slash. */
    public static String base(UriInfo uri) {
        String b = uri.getBaseUri().toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    public static String secret(UriInfo uri, String id) {
        return base(uri) + "/v1/secrets/" + id;
    }

    public static String order(UriInfo uri, String id) {
        return base(uri) + "/v1/orders/" + id;
    }

    public static String time(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).format(TIME);
    }
}
