package io.boat.kms.release;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;

/**
 * A release policy as its JSON object, {@code {"attestation_required", "host_groups", "locations",
 * "asset_tags", "max_report_age", "pcr_bound_bind_key"}}: how the API shows it and how an order
 * keeps it until its secret is born. Decoding trusts its input (it was validated when it came in)
 * except for what {@link ReleasePolicy} re-checks.
 */
public final class ReleasePolicyCodec {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ReleasePolicyCodec() {
    }

    public static JsonObject encode(ReleasePolicy p) {
        return JSON.createObjectBuilder()
            .add("attestation_required", p.attestationRequired())
            .add("host_groups", array(p.hostGroups()))
            .add("locations", array(p.locations()))
            .add("asset_tags", array(p.assetTags()))
            .add("max_report_age", p.maxReportAgeSeconds())
            .add("pcr_bound_bind_key", p.pcrBoundBindKey())
            .build();
    }

    public static ReleasePolicy decode(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonObject o = reader.readObject();
            return new ReleasePolicy(o.getBoolean("attestation_required"), strings(o, "host_groups"),
                strings(o, "locations"), strings(o, "asset_tags"), o.getInt("max_report_age"),
                o.getBoolean("pcr_bound_bind_key"));
        }
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        values.forEach(b::add);
        return b;
    }
}
