package io.boat.kms.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeySpecTest {

    @Test
    void construct_algorithmCaseInsensitive_normalisedToLowerCase() {
        assertThat(new KeySpec("AES", 256, "CBC")).isEqualTo(new KeySpec("aes", 256, "cbc"));
        assertThat(new KeySpec("HmacSHA256", 256, null).algorithm()).isEqualTo("hmacsha256");
    }

    @Test
    void construct_unsupportedLengthOrAlgorithm_failsNamingTheValues() {
        assertThatThrownBy(() -> new KeySpec("aes", 100, null)).hasMessageContaining("bit_length 100");
        assertThatThrownBy(() -> new KeySpec("des", 56, null)).hasMessageContaining("algorithm des");
        assertThatThrownBy(() -> new KeySpec("hmacsha256", 128, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeySpec(null, 256, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
