package io.boat.kmip.ttlv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The decoder on hostile input: random bytes, and real messages with bytes flipped, truncated or
 * lengths rewritten. Whatever happens, the only exception is {@link TtlvException}; and whatever
 * decodes re-encodes to the same bytes.
 */
class TtlvDecoderFuzzTest {

    private static final List<String> VECTORS = List.of("create_req", "get_req", "destroy_req", "locate_req",
            "create_resp", "get_resp", "destroy_resp", "invalid_resp");

    private final TtlvDecoder decoder = new TtlvDecoder(4096);

    @Property(tries = 2000)
    void decode_randomBytes_throwsOnlyTtlvException(@ForAll @Size(max = 300) byte[] input) {
        assertDecodesOrFailsTyped(input);
    }

    @Property(tries = 2000)
    void decode_randomHeaderPrefixedBytes_throwsOnlyTtlvException(@ForAll("headerPrefixed") byte[] input) {
        assertDecodesOrFailsTyped(input);
    }

    @Property(tries = 3000)
    void decode_mutatedTestCaseMessage_throwsOnlyTtlvException(@ForAll("mutated") byte[] input) {
        assertDecodesOrFailsTyped(input);
    }

    @Property(tries = 1000)
    void readMessage_mutatedStream_throwsOnlyTtlvExceptionOrEof(@ForAll("mutated") byte[] input) throws IOException {
        try {
            byte[] msg = decoder.readMessage(new ByteArrayInputStream(input));
            assertThat(msg.length).isLessThanOrEqualTo(input.length);
        } catch (TtlvException | EOFException expected) {
            // typed failure
        }
    }

    private void assertDecodesOrFailsTyped(byte[] input) {
        try {
            TtlvItem item = decoder.decode(input);
            assertThat(TtlvEncoder.encode(item)).isEqualTo(input);
        } catch (TtlvException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @Provide
    Arbitrary<byte[]> headerPrefixed() {
        Arbitrary<Integer> tag = Arbitraries.of(0x420078, 0x42007B, 0x420094, 0x540000, 0x42FFFF);
        Arbitrary<Integer> type = Arbitraries.integers().between(0, 12);
        Arbitrary<Integer> length = Arbitraries.oneOf(Arbitraries.integers().between(0, 64),
                Arbitraries.integers());
        Arbitrary<byte[]> rest = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
        return net.jqwik.api.Combinators.combine(tag, type, length, rest).as((t, ty, l, r) -> {
            byte[] out = new byte[8 + r.length];
            out[0] = (byte) (t >>> 16);
            out[1] = (byte) (t >>> 8);
            out[2] = (byte) (int) t;
            out[3] = (byte) (int) ty;
            out[4] = (byte) (l >>> 24);
            out[5] = (byte) (l >>> 16);
            out[6] = (byte) (l >>> 8);
            out[7] = (byte) (int) l;
            System.arraycopy(r, 0, out, 8, r.length);
            return out;
        });
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<byte[]> base = Arbitraries.of(VECTORS).map(name -> {
            try {
                return TtlvSpecVectorsTest.vector(name);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 400);
        Arbitrary<Integer> value = Arbitraries.integers().between(0, 255);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
        return net.jqwik.api.Combinators.combine(base, position, value, kind).as((b, pos, val, k) -> {
            int p = pos % b.length;
            switch (k) {
                case 0: // flip one byte
                    b[p] = (byte) (int) val;
                    return b;
                case 1: // truncate
                    return java.util.Arrays.copyOf(b, p);
                case 2: // rewrite a length field (bytes 4..7 of some 8-aligned header)
                    int at = (p & ~7) + 4;
                    if (at + 4 <= b.length) {
                        b[at] = (byte) (int) val;
                        b[at + 3] ^= (byte) (int) val;
                    }
                    return b;
                default: // append garbage
                    byte[] longer = java.util.Arrays.copyOf(b, b.length + 1 + (val % 16));
                    longer[b.length] = (byte) (int) val;
                    return longer;
            }
        });
    }
}
