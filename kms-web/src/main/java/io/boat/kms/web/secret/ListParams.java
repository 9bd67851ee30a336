package io.boat.kms.web.secret;

import io.boat.kms.InvalidRequestException;
import io.boat.kms.secret.SecretQuery;
import io.boat.kms.web.support.RequestFields;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Paging, filter and sort parameters of list requests, parsed and bounded as Barbican does. */
public final class ListParams {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    private ListParams() {
    }

    /** Barbican falls back to defaults for unparseable paging values rather than failing. */
    public static int offset(UriInfo uri) {
        return Math.max(0, intParam(uri.getQueryParameters(), "offset", 0));
    }

    public static int limit(UriInfo uri) {
        int limit = intParam(uri.getQueryParameters(), "limit", DEFAULT_LIMIT);
        return limit < 1 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    static SecretQuery secretQuery(UriInfo uri) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        Integer bits = null;
        if (q.getFirst("bits") != null) {
            try {
                bits = Integer.parseInt(q.getFirst("bits"));
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("Invalid value for 'bits': an integer is required");
            }
        }
        List<SecretQuery.DateFilter> dates = new ArrayList<>();
        for (SecretQuery.DateField field : SecretQuery.DateField.values()) {
            String value = q.getFirst(field.name().toLowerCase(Locale.ROOT));
            if (value != null) {
                for (String part : value.split(",")) {
                    dates.add(dateFilter(field, part.trim()));
                }
            }
        }
        return new SecretQuery(q.getFirst("name"), q.getFirst("alg"), q.getFirst("mode"), bits,
                q.getFirst("secret_type"), dates, sort(q.getFirst("sort")), offset(uri), limit(uri));
    }

    private static SecretQuery.DateFilter dateFilter(SecretQuery.DateField field, String spec) {
        SecretQuery.Op op = SecretQuery.Op.EQ;
        String value = spec;
        int colon = spec.indexOf(':');
        if (colon > 0 && colon <= 3) {
            try {
                op = SecretQuery.Op.valueOf(spec.substring(0, colon).toUpperCase(Locale.ROOT));
                value = spec.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("Invalid date filter operator in '" + spec + "'");
            }
        }
        try {
            return new SecretQuery.DateFilter(field, op, RequestFields.parseDate(value));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("Invalid date for '" + field.name().toLowerCase(Locale.ROOT) + "'");
        }
    }

    private static List<SecretQuery.SortKey> sort(String spec) {
        List<SecretQuery.SortKey> keys = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return keys;
        }
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split(":");
            try {
                SecretQuery.SortField field = SecretQuery.SortField.valueOf(kv[0].toUpperCase(Locale.ROOT));
                boolean desc = kv.length > 1 && "desc".equalsIgnoreCase(kv[1]);
                if (kv.length > 2 || (kv.length == 2 && !desc && !"asc".equalsIgnoreCase(kv[1]))) {
                    throw new IllegalArgumentException();
                }
                keys.add(new SecretQuery.SortKey(field, desc));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("Invalid sort key in '" + part.trim() + "'");
            }
        }
        return keys;
    }

    /** Adds {@code previous}/{@code next} hrefs and {@code total} as Barbican does. */
    public static void paging(JsonObjectBuilder b, String collectionHref, int offset, int limit, long total) {
        if (offset > 0) {
            b.add("previous", collectionHref + "?limit=" + limit + "&offset=" + Math.max(0, offset - limit));
        }
        long next = (long) offset + limit; // int addition wraps to a negative offset near Integer.MAX_VALUE
        if (next < total) {
            b.add("next", collectionHref + "?limit=" + limit + "&offset=" + next);
        }
        b.add("total", total);
    }

    private static int intParam(MultivaluedMap<String, String> q, String name, int dflt) {
        String v = q.getFirst(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
