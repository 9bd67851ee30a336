package io.boat.kms.web.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.InvalidRequestException;
import io.boat.kms.release.ReleasePolicy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReleasePolicyJsonTest {

    @Test
    void parse_fullPolicy_everyField() {
        ReleasePolicy p = ReleasePolicyJson.parse(json("{\"attestation_required\":true,\"host_groups\":[\"edge\",\"core\"],"
            + "\"locations\":[\"eu-west\"],\"asset_tags\":[\"gold\"],\"max_report_age\":120,\"pcr_bound_bind_key\":true}"), 300);

        assertThat(p).isEqualTo(new ReleasePolicy(true, List.of("edge", "core"), List.of("eu-west"), List.of("gold"), 120,
            true));
    }

    @Test
    void parse_emptyObject_defaultsWithConfiguredMaxAge() {
        assertThat(ReleasePolicyJson.parse(json("{}"), 300)).isEqualTo(ReleasePolicy.defaults(300));
    }

    @Test
    void render_thenParse_samePolicy() {
        ReleasePolicy p = new ReleasePolicy(true, List.of("edge"), List.of(), List.of("a b"), 86400, false);

        assertThat(ReleasePolicyJson.parse(ReleasePolicyJson.render(p), 300)).isEqualTo(p);
        assertThat(ReleasePolicyJson.render(p).keySet()).containsExactlyInAnyOrder("attestation_required", "host_groups",
            "locations", "asset_tags", "max_report_age", "pcr_bound_bind_key");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"attestation_requird\":true}|'attestation_requird'",
        "{\"attestation_required\":\"yes\"}|must be a boolean",
        "{\"attestation_required\":1}|must be a boolean",
        "{\"pcr_bound_bind_key\":null,\"x\":1}|'x'",
        "{\"host_groups\":\"edge\"}|must be an array of strings",
        "{\"host_groups\":[1]}|must be an array of strings",
        "{\"locations\":[\"\"]}|locations entries",
        "{\"asset_tags\":[\"a\\nb\"]}|asset_tags entries",
        "{\"host_groups\":[\"a\",\"a\"]}|must not repeat",
        "{\"max_report_age\":0}|between 1 and 86400",
        "{\"max_report_age\":86401}|between 1 and 86400",
        "{\"max_report_age\":1.5}|must be an integer",
        "{\"max_report_age\":\"60\"}|must be an integer"})
    void parse_invalid_400NamingTheProblem(String body, String expected) {
        assertThatThrownBy(() -> ReleasePolicyJson.parse(json(body), 300)).isInstanceOf(InvalidRequestException.class)
            .hasMessageContaining("Release Policy").hasMessageContaining(expected);
    }

    @org.junit.jupiter.api.Test
    void parse_tooManyEntries_400() {
        StringBuilder b = new StringBuilder("{\"host_groups\":[");
        for (int i = 0; i < 33; i++) {
            b.append(i == 0 ? "" : ",").append("\"g").append(i).append('"');
        }
        assertThatThrownBy(() -> ReleasePolicyJson.parse(json(b.append("]}").toString()), 300))
            .isInstanceOf(InvalidRequestException.class).hasMessageContaining("more than 32");
    }

    @org.junit.jupiter.api.Test
    void parse_entryTooLong_400() {
        assertThatThrownBy(() -> ReleasePolicyJson.parse(json("{\"locations\":[\"" + "x".repeat(129) + "\"]}"), 300))
            .isInstanceOf(InvalidRequestException.class).hasMessageContaining("1..128");
    }

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }
}
