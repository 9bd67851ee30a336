package io.boat.bench.kmip;

import io.boat.kmip.api.KeyAlgorithm;
import io.boat.kmip.message.OperationPayloads;
import io.boat.kmip.message.ResponseMessage;
import io.boat.kmip.ttlv.Tag;
import io.boat.kmip.ttlv.TtlvDecoder;
import io.boat.kmip.ttlv.TtlvEncoder;
import io.boat.kmip.ttlv.TtlvException;
import io.boat.kmip.ttlv.TtlvItem;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Encode and decode of a KMIP 1.2 Get response carrying a 256-bit AES key (TTLV and typed layers). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GetResponseCodecBenchmark {

    private TtlvItem tree;
    private byte[] wire;
    private final TtlvDecoder decoder = new TtlvDecoder();

    @Setup
    public void setUp() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        tree = getResponse(key);
        wire = TtlvEncoder.encode(tree);
    }

    static TtlvItem getResponse(byte[] key) {
        return TtlvItem.structure(Tag.RESPONSE_MESSAGE,
                TtlvItem.structure(Tag.RESPONSE_HEADER,
                        TtlvItem.structure(Tag.PROTOCOL_VERSION,
                                TtlvItem.integer(Tag.PROTOCOL_VERSION_MAJOR, 1),
                                TtlvItem.integer(Tag.PROTOCOL_VERSION_MINOR, 2)),
                        TtlvItem.dateTime(Tag.TIME_STAMP, 1_700_000_000L),
                        TtlvItem.integer(Tag.BATCH_COUNT, 1)),
                TtlvItem.structure(Tag.BATCH_ITEM,
                        TtlvItem.enumeration(Tag.OPERATION, 0x0A),
                        TtlvItem.enumeration(Tag.RESULT_STATUS, 0),
                        TtlvItem.structure(Tag.RESPONSE_PAYLOAD,
                                TtlvItem.enumeration(Tag.OBJECT_TYPE, 2),
                                TtlvItem.text(Tag.UNIQUE_IDENTIFIER, "12345"),
                                TtlvItem.structure(Tag.SYMMETRIC_KEY,
                                        TtlvItem.structure(Tag.KEY_BLOCK,
                                                TtlvItem.enumeration(Tag.KEY_FORMAT_TYPE, 1),
                                                TtlvItem.structure(Tag.KEY_VALUE, TtlvItem.bytes(Tag.KEY_MATERIAL, key)),
                                                TtlvItem.enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, KeyAlgorithm.AES.code()),
                                                TtlvItem.integer(Tag.CRYPTOGRAPHIC_LENGTH, 256))))));
    }

    @Benchmark
    public byte[] encode() {
        return TtlvEncoder.encode(tree);
    }

    @Benchmark
    public TtlvItem decodeTree() throws TtlvException {
        return decoder.decode(wire);
    }

    @Benchmark
    public int decodeTyped() throws Exception {
        ResponseMessage r = ResponseMessage.fromTtlv(decoder.decode(wire));
        try (var key = OperationPayloads.parseObject(r.items().get(0).requireSuccess(io.boat.kmip.message.KmipEnumerations.Operation.GET))) {
            return key.bitLength();
        }
    }
}
