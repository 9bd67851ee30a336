package io.boat.kms.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(10_000);

    @Test
    void hash_thenVerify_rightPasswordOnly() {
        String h = hasher.hash("correct horse".toCharArray());
        assertThat(h).startsWith("pbkdf2-sha256$10000$").doesNotContain("correct horse");
        assertThat(hasher.verify("correct horse".toCharArray(), h)).isTrue();
        assertThat(hasher.verify("correct horsE".toCharArray(), h)).isFalse();
    }

    @Test
    void hash_samePasswordTwice_differentSalts() {
        assertThat(hasher.hash("pw-12345".toCharArray())).isNotEqualTo(hasher.hash("pw-12345".toCharArray()));
    }

    @Test
    void verify_malformedOrForeignHashes_neverMatch() {
        for (String bad : new String[] {null, "", "plain", "md5$1$a$b", "pbkdf2-sha256$x$a$b",
            "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$99999999$AAAA$AAAA", "pbkdf2-sha256$1000$!!$AAAA"}) {
            assertThat(hasher.verify("x".toCharArray(), bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void construct_tooFewIterations_fails() {
        assertThatThrownBy(() -> new PasswordHasher(10)).hasMessageContaining("Invalid PBKDF2 iteration count 10");
    }
}
