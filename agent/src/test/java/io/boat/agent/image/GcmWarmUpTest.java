package io.boat.agent.image;

import static org.assertj.core.api.Assertions.assertThat;

import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

class GcmWarmUpTest {
    @Test
    void before_eachDirection_runsOnceForALargeImageAndNeverForASmallOne() throws Exception {
        assertThat(GcmWarmUp.before(GcmWarmUp.WORTH_IT_BYTES - 1, Cipher.DECRYPT_MODE)).as("small image").isFalse();
        // Decryption warms up on a sealed block of its own: a bad tag here would refuse every large image.
        // No other test in this JVM warms up: their images are far below the threshold.
        assertThat(GcmWarmUp.before(GcmWarmUp.WORTH_IT_BYTES, Cipher.DECRYPT_MODE)).as("decrypt").isTrue();
        assertThat(GcmWarmUp.before(GcmWarmUp.WORTH_IT_BYTES, Cipher.ENCRYPT_MODE)).as("encrypt").isTrue();
        assertThat(GcmWarmUp.before(GcmWarmUp.WORTH_IT_BYTES, Cipher.DECRYPT_MODE)).as("decrypt again").isFalse();
        assertThat(GcmWarmUp.before(GcmWarmUp.WORTH_IT_BYTES, Cipher.ENCRYPT_MODE)).as("encrypt again").isFalse();
    }
}
