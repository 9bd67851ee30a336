package io.boat.kms.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.KmsException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void encode_loneSurrogate_is400_notAQuestionMark() {
        assertThatThrownBy(() -> Utf8.encode("A\ud800B", "The payload")).isInstanceOf(KmsException.class)
                .hasMessageContaining("not valid UTF-8");
        assertThat(Utf8.encode("A\ud83d\ude00B", "p")).isEqualTo("A\ud83d\ude00B".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void check_invalidBytes_is400_notReplacementCharacters() {
        assertThatThrownBy(() -> Utf8.check(new byte[] {'A', (byte) 0xff, 'B'}, "The payload"))
                .isInstanceOf(KmsException.class);
        assertThatThrownBy(() -> RequestBodies.object(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '"', '}'}))
                .isInstanceOf(KmsException.class).hasMessageContaining("not valid UTF-8");
        Utf8.check("h\u00e9llo".getBytes(StandardCharsets.UTF_8), "p");
    }
}
