package io.boat.agent.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SecretRefTest {
    @Test
    void parse_barbicanRef_yieldsIdAndPayloadUrl() {
        SecretRef r = SecretRef.parse("http://127.0.0.1:9311/v1/secrets/4f1a2b3c-0000-4000-8000-00000000000a/");
        assertThat(r.id()).isEqualTo("4f1a2b3c-0000-4000-8000-00000000000a");
        assertThat(r.payload()).hasToString("http://127.0.0.1:9311/v1/secrets/4f1a2b3c-0000-4000-8000-00000000000a/payload");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "ftp://h/v1/secrets/abc", "http://h/v1/orders/abc", "http://h/v1/secrets/",
        "http://h/v1/secrets/a?x=1", "http://h/v1/secrets/..", "4f1a2b3c"})
    void parse_notASecretRef_failsNamingTheExpectedForm(String ref) {
        assertThatThrownBy(() -> SecretRef.parse(ref)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Invalid secret ref");
    }
}
