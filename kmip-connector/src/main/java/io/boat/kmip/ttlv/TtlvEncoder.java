package io.boat.kmip.ttlv;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * TTLV tree to bytes (KMIP 1.4 §9.1.1 "TTLV Encoding"): 3-byte tag, 1-byte type, 4-byte length,
 * value padded with zeros to a multiple of 8. Big Integers are two's complement, sign-extended on
 * the left to a multiple of 8 bytes (§9.1.1.4 item e).
 */
public final class TtlvEncoder {

    private TtlvEncoder() {
    }

    public static byte[] encode(TtlvItem item) {
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(encodedSize(item)));
        write(item, buf);
        return buf.array();
    }

    /** Header plus padded value. */
    static long encodedSize(TtlvItem item) {
        return 8 + padded(valueLength(item));
    }

    private static long padded(long length) {
        return (length + 7) & ~7L;
    }

    @SuppressWarnings("unchecked")
    private static long valueLength(TtlvItem item) {
        Object v = item.rawValue();
        switch (item.type()) {
            case STRUCTURE:
                long sum = 0;
                for (TtlvItem c : (List<TtlvItem>) v) {
                    sum += encodedSize(c);
                }
                return sum;
            case BIG_INTEGER:
                return bigIntegerBytes((BigInteger) v).length;
            case TEXT_STRING:
                return ((String) v).getBytes(StandardCharsets.UTF_8).length;
            case BYTE_STRING:
                return ((byte[]) v).length;
            default:
                return item.type().fixedLength();
        }
    }

    /** Two's complement, sign-extended to a non-zero multiple of 8 bytes. */
    static byte[] bigIntegerBytes(BigInteger v) {
        byte[] minimal = v.toByteArray();
        int len = (int) padded(minimal.length);
        byte[] out = new byte[len];
        byte fill = (byte) (v.signum() < 0 ? 0xFF : 0x00);
        int lead = len - minimal.length;
        for (int i = 0; i < lead; i++) {
            out[i] = fill;
        }
        System.arraycopy(minimal, 0, out, lead, minimal.length);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void write(TtlvItem item, ByteBuffer buf) {
        int tag = item.tagCode();
        buf.put((byte) (tag >>> 16)).put((byte) (tag >>> 8)).put((byte) tag);
        buf.put((byte) item.type().code());
        long len = valueLength(item);
        buf.putInt((int) len);
        Object v = item.rawValue();
        switch (item.type()) {
            case STRUCTURE:
                for (TtlvItem c : (List<TtlvItem>) v) {
                    write(c, buf);
                }
                return;
            case INTEGER:
            case ENUMERATION:
                buf.putInt((Integer) v).putInt(0);
                return;
            case INTERVAL:
                buf.putInt((int) (long) (Long) v).putInt(0);
                return;
            case LONG_INTEGER:
            case DATE_TIME:
            case DATE_TIME_EXTENDED:
                buf.putLong((Long) v);
                return;
            case BOOLEAN:
                buf.putLong(((Boolean) v) ? 1L : 0L);
                return;
            case BIG_INTEGER:
                buf.put(bigIntegerBytes((BigInteger) v));
                return;
            case TEXT_STRING:
                putPadded(buf, ((String) v).getBytes(StandardCharsets.UTF_8));
                return;
            case BYTE_STRING:
                putPadded(buf, (byte[]) v);
                return;
            default:
                throw new AssertionError(item.type());
        }
    }

    private static void putPadded(ByteBuffer buf, byte[] b) {
        buf.put(b);
        int pad = (int) (padded(b.length) - b.length);
        for (int i = 0; i < pad; i++) {
            buf.put((byte) 0);
        }
    }
}
