package io.boat.kms.web.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.release.MalformedAkNameException;
import io.boat.kms.release.ReleaseRequest;
import io.boat.kms.release.UnacceptableReleaseFormatException;
import io.boat.kms.release.WrapFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseRequestsTest {

    private static final String AK = "000b" + "0123456789abcdef".repeat(4);

    @Test
    void of_noHeader_plainReadWhateverTheAccept() {
        assertThat(ReleaseRequests.of(null, "text/html")).isSameAs(ReleaseRequest.PLAIN);
    }

    @Test
    void of_upperCaseHeaderWithBlanks_normalisedName() {
        ReleaseRequest r = ReleaseRequests.of("  " + AK.toUpperCase().replace("000B", "000b") + " ", null);

        assertThat(r.akName().hex()).isEqualTo(AK);
        assertThat(r.format()).isEqualTo(WrapFormat.JWE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "000b", "000bzz", "0004" + "00112233445566778899aabbccddeeff00112233", "not-a-name"})
    void of_malformedHeader_malformedAkName(String header) {
        assertThatThrownBy(() -> ReleaseRequests.of(header, null)).isInstanceOf(MalformedAkNameException.class)
            .hasMessageContaining("X-BOAT-AK-Name");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "*/*|JWE", "application/jose|JWE", "application/*|JWE", "application/octet-stream|RAW",
        "text/plain, application/octet-stream;q=0.5|RAW", "application/jose, application/octet-stream|JWE",
        "APPLICATION/OCTET-STREAM|RAW"})
    void format_accept_chosenFormat(String accept, WrapFormat expected) {
        assertThat(ReleaseRequests.format(accept)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json", "application/pkcs8"})
    void format_acceptOfNeitherWrap_406(String accept) {
        assertThatThrownBy(() -> ReleaseRequests.format(accept)).isInstanceOf(UnacceptableReleaseFormatException.class)
            .hasMessageContaining("application/jose");
    }
}
