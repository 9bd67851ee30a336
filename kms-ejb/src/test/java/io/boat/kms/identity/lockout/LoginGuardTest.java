package io.boat.kms.identity.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginGuardTest {

    @Test
    void printable_replacesControlCharacters_andBoundsLength() {
        assertThat(LoginGuard.printable("bob\r\nINFO forged line")).isEqualTo("'bob??INFO forged line'");
        assertThat(LoginGuard.printable("x".repeat(500))).hasSize(103);
        assertThat(LoginGuard.printable(null)).isEqualTo("(none)");
    }
}
