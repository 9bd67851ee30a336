package io.boat.kms.web.secret;

import io.boat.kms.InvalidRequestException;
import io.boat.kms.release.ReleasePolicy;
import io.boat.kms.release.ReleasePolicyCodec;
import io.boat.kms.web.support.RequestFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A release policy from and to JSON ({@link ReleasePolicyCodec} renders it). Parsing is strict: an unknown field, a wrong type or a value
 * out of bounds is a 400 naming the field, so a typo never silently leaves a key releasable. A field
 * left out takes its default (no attestation, any host, the configured maximum report age).
 */
public final class ReleasePolicyJson {

    static final String SCHEMA = "Release Policy";
    private static final Set<String> FIELDS = Set.of("attestation_required", "host_groups", "locations", "asset_tags",
            "max_report_age", "pcr_bound_bind_key");

    private ReleasePolicyJson() {
    }

    public static ReleasePolicy parse(JsonObject json, int defaultMaxReportAge) {
        RequestFields f = new RequestFields(json, SCHEMA);
        for (String name : json.keySet()) {
            if (!FIELDS.contains(name)) {
                throw f.invalid(name, "unknown field '" + name + "'");
            }
        }
        Integer maxAge = f.integer("max_report_age", ReleasePolicy.MIN_MAX_REPORT_AGE, ReleasePolicy.MAX_MAX_REPORT_AGE);
        try {
            return new ReleasePolicy(bool(json, f, "attestation_required"), strings(json, f, "host_groups"),
                    strings(json, f, "locations"), strings(json, f, "asset_tags"),
                    maxAge == null ? defaultMaxReportAge : maxAge, bool(json, f, "pcr_bound_bind_key"));
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException("Provided object does not match schema '" + SCHEMA + "': "
                    + e.clientMessage());
        }
    }

    public static JsonObject render(ReleasePolicy p) {
        return ReleasePolicyCodec.encode(p);
    }

    private static boolean bool(JsonObject json, RequestFields f, String name) {
        if (!f.has(name)) {
            return false;
        }
        JsonValue v = json.get(name);
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            throw f.invalid(name, name + " must be a boolean");
        }
        return v == JsonValue.TRUE;
    }

    private static List<String> strings(JsonObject json, RequestFields f, String name) {
        if (!f.has(name)) {
            return List.of();
        }
        JsonValue v = json.get(name);
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw f.invalid(name, name + " must be an array of strings");
        }
        JsonArray array = v.asJsonArray();
        if (array.size() > ReleasePolicy.MAX_ENTRIES) {
            throw f.invalid(name, name + " holds more than " + ReleasePolicy.MAX_ENTRIES + " entries");
        }
        List<String> values = new ArrayList<>();
        for (JsonValue item : array) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw f.invalid(name, name + " must be an array of strings");
            }
            values.add(((JsonString) item).getString());
        }
        return values;
    }
}
