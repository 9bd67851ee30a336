package io.boat.kms.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.KmsException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    private static byte[] nested(int depth) {
        return ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private static int status(byte[] body) {
        try {
            RequestBodies.object(body);
            return 200;
        } catch (KmsException e) {
            return ErrorStatuses.of(e);
        }
    }

    @Test
    void object_nestedThousandDeep_is400NotAStackOverflow() {
        assertThatThrownBy(() -> RequestBodies.object(nested(1000))).isInstanceOf(KmsException.class)
                .hasMessageContaining("nested deeper than 32");
        assertThat(status(nested(100_000))).isEqualTo(400);
        assertThat(status(("[".repeat(5000)).getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
    }

    @Test
    void object_atTheDepthLimit_isParsed() {
        assertThat(RequestBodies.object(nested(JsonDepth.MAX)).containsKey("a")).isTrue();
        assertThat(status(nested(JsonDepth.MAX + 1))).isEqualTo(400);
    }

    @Test
    void object_truncatedOrNotJson_is400() {
        assertThat(status("{\"a\":".getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
        assertThat(status("not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
        assertThat(status("[1]".getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
    }
}
