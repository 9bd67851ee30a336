package io.boat.kms.release;

import io.boat.kms.InvalidRequestException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A secret's release policy: whether it is released only to attested hosts, which host groups,
 * locations and asset tags may have it (an empty list allows any), how old a trust report may be,
 * and whether the host's bind key must be PCR-bound. Validated at construction; the web layer only
 * maps JSON onto it.
 */
public record ReleasePolicy(boolean attestationRequired, List<String> hostGroups, List<String> locations,
                            List<String> assetTags, int maxReportAgeSeconds, boolean pcrBoundBindKey) {

    public static final int MIN_MAX_REPORT_AGE = 1;
    public static final int MAX_MAX_REPORT_AGE = 86_400;
    public static final int MAX_ENTRIES = 32;
    public static final int MAX_ENTRY_LENGTH = 128;
    /** Printable, no separators that could smuggle a second value into a log line or a stored list. */
    private static final Pattern ENTRY = Pattern.compile("[\\p{L}\\p{N} ._:@/+=,-]{1," + MAX_ENTRY_LENGTH + "}");

    public ReleasePolicy {
        hostGroups = checked("host_groups", hostGroups);
        locations = checked("locations", locations);
        assetTags = checked("asset_tags", assetTags);
        if (maxReportAgeSeconds < MIN_MAX_REPORT_AGE || maxReportAgeSeconds > MAX_MAX_REPORT_AGE) {
            throw new InvalidRequestException("max_report_age must be between " + MIN_MAX_REPORT_AGE + " and "
                + MAX_MAX_REPORT_AGE + " seconds");
        }
    }

    /** What a secret without a stored policy is released under: to anyone allowed to read it, or to any attested host. */
    public static ReleasePolicy defaults(int maxReportAgeSeconds) {
        return new ReleasePolicy(false, List.of(), List.of(), List.of(), maxReportAgeSeconds, false);
    }

    public Duration maxReportAge() {
        return Duration.ofSeconds(maxReportAgeSeconds);
    }

    private static List<String> checked(String field, List<String> values) {
        List<String> copy = values == null ? List.of() : List.copyOf(values);
        if (copy.size() > MAX_ENTRIES) {
            throw new InvalidRequestException(field + " holds more than " + MAX_ENTRIES + " entries");
        }
        for (String v : copy) {
            if (!ENTRY.matcher(v).matches()) {
                throw new InvalidRequestException(field + " entries must be 1.." + MAX_ENTRY_LENGTH
                    + " letters, digits, spaces or ._:@/+=,-");
            }
        }
        if (copy.stream().distinct().count() != copy.size()) {
            throw new InvalidRequestException(field + " must not repeat an entry");
        }
        return copy;
    }
}
