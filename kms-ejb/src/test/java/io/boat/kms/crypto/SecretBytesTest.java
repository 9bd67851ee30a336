package io.boat.kms.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretBytesTest {

    @Test
    void toString_neverShowsMaterial() {
        assertThat(SecretBytes.copyOf(new byte[] {65, 66, 67}).toString()).isEqualTo("SecretBytes[redacted]");
    }

    @Test
    void bytes_returnsCopiesAndCloseWipes() {
        byte[] original = {1, 2, 3};
        SecretBytes s = SecretBytes.wrap(original);
        byte[] copy = s.bytes();
        copy[0] = 9;
        assertThat(s.equalsConstantTime(new byte[] {1, 2, 3})).isTrue();
        s.close();
        assertThat(original).containsExactly(0, 0, 0);
        assertThatThrownBy(s::bytes).isInstanceOf(IllegalStateException.class);
    }
}
