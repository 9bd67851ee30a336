package io.boat.kms.web.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Payload content negotiation as Barbican answers it (the transcripts in the reference set). */
class ContentTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/octet-stream                     | application/octet-stream | application/octet-stream",
        "APPLICATION/OCTET-STREAM                     | application/octet-stream | application/octet-stream",
        "text/plain, application/octet-stream;q=0.5   | application/octet-stream | application/octet-stream",
        "text/plain                                   | text/plain               | text/plain; charset=UTF-8",
        "text/plain; charset=utf-8                    | text/plain               | text/plain; charset=UTF-8",
        "*/*                                          | text/plain               | */*",
        "application/json, */*;q=0.1                  | application/octet-stream | */*",
    })
    void responseType_acceptFitsStoredType_answersWithIt(String accept, String stored, String expected) {
        assertThat(ContentTypes.responseType(accept, stored)).contains(expected);
    }

    @Test
    void responseType_noAccept_echoesTheWildcard() {
        assertThat(ContentTypes.responseType(null, "text/plain")).contains("*/*");
        assertThat(ContentTypes.responseType("  ", "text/plain")).contains("*/*");
    }

    @Test
    void responseType_acceptNamesOnlyOtherTypes_empty() {
        assertThat(ContentTypes.responseType("text/plain", "application/octet-stream")).isEmpty();
        assertThat(ContentTypes.responseType("application/xml, application/pkcs8", "application/octet-stream")).isEmpty();
    }

    @Test
    void normalise_unsupportedOrMissing_empty() {
        assertThat(ContentTypes.normalise("application/xml")).isEmpty();
        assertThat(ContentTypes.normalise(null)).isEmpty();
        assertThat(ContentTypes.normalise(" Text/Plain;charset=UTF-8 ")).contains("text/plain");
    }
}
