package io.boat.kms.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectIdTest {

    @Test
    void toString_isTheIdItself() {
        // Store names and AES-GCM associated data concatenate the id; they must see the bare text.
        assertThat(new ProjectId("4c8f0e1a").toString()).isEqualTo("4c8f0e1a");
    }

    @Test
    void equals_sameText_equalSoOwnerChecksCompareValues() {
        assertThat(new ProjectId("p1")).isEqualTo(new ProjectId("p1")).isNotEqualTo(new ProjectId("p2"));
    }

    @Test
    void construct_null_fails() {
        assertThatThrownBy(() -> new ProjectId(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void construct_blank_fails(String blank) {
        assertThatThrownBy(() -> new ProjectId(blank)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("project id must not be blank");
    }
}
