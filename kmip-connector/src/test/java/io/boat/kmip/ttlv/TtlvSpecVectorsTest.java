package io.boat.kmip.ttlv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Whole messages of the OASIS KMIP 1.1 test cases: decoded, then re-encoded byte for byte. */
class TtlvSpecVectorsTest {

    static byte[] vector(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TtlvSpecVectorsTest.class.getResourceAsStream("kmip-1.1-test-cases.properties")) {
            p.load(in);
        }
        return Hex.bytes(p.getProperty(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"create_req", "get_req", "destroy_req", "locate_req",
        "create_resp", "get_resp", "destroy_resp", "invalid_resp"})
    void decodeThenEncode_testCaseMessage_isByteForByteIdentical(String name) throws Exception {
        byte[] wire = vector(name);
        TtlvItem tree = new TtlvDecoder().decode(wire);
        assertThat(Hex.of(TtlvEncoder.encode(tree))).isEqualTo(Hex.of(wire));
    }

    @Test
    void decode_getResponse_exposesKeyBlockFields() throws Exception {
        TtlvItem msg = new TtlvDecoder().decode(vector("get_resp"));
        assertThat(msg.is(Tag.RESPONSE_MESSAGE)).isTrue();
        TtlvItem payload = msg.require(Tag.BATCH_ITEM).require(Tag.RESPONSE_PAYLOAD);
        assertThat(payload.require(Tag.UNIQUE_IDENTIFIER).asText()).isEqualTo("49a1ca88-6bea-4fb2-b450-7e58802c3038");
        TtlvItem block = payload.require(Tag.SYMMETRIC_KEY).require(Tag.KEY_BLOCK);
        assertThat(block.require(Tag.CRYPTOGRAPHIC_ALGORITHM).asEnum()).isEqualTo(2); // TripleDES
        assertThat(block.require(Tag.CRYPTOGRAPHIC_LENGTH).asInt()).isEqualTo(168);
        assertThat(Hex.of(block.require(Tag.KEY_VALUE).require(Tag.KEY_MATERIAL).asBytes()))
                .isEqualTo("7367578051012a6d134a855e25c8cd5e4ca131455729d3c8");
    }
}
