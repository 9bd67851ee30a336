package io.boat.kms.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.KmsException;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class RequestFieldsTest {

    private static RequestFields fields(String json) {
        return new RequestFields(RequestBodies.object(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "Secret");
    }

    @Test
    void parseDate_extremesOfTheDateRange_refusedAsUnparseable() {
        for (String s : new String[] {"+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00",
            "+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z"}) {
            assertThatThrownBy(() -> RequestFields.parseDate(s)).isInstanceOf(DateTimeParseException.class);
        }
        assertThat(RequestFields.parseDate("9999-12-31T23:59:59Z").getYear()).isEqualTo(9999);
        assertThat(RequestFields.parseDate("2030-01-01T00:00:00").getYear()).isEqualTo(2030);
    }

    @Test
    void dateTime_extremeExpiration_is400() {
        assertThatThrownBy(() -> fields("{\"expiration\":\"+999999999-12-31T23:59:59-18:00\"}").dateTime("expiration"))
                .isInstanceOf(KmsException.class).hasMessageContaining("Invalid date");
    }
}
