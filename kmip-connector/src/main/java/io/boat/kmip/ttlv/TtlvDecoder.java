package io.boat.kmip.ttlv;

import io.boat.kmip.ttlv.TtlvException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes to TTLV tree, strictly. Every length is checked against the bytes that remain before
 * anything is read or allocated; padding must be zero; types, tags, Boolean values and UTF-8 are
 * validated; a maximum message size and nesting depth bound the work. The only exception that
 * leaves this class is {@link TtlvException}.
 */
public final class TtlvDecoder {

    /** PyKMIP caps messages at 1 MiB; so do we by default. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1 << 20;
    public static final int MAX_DEPTH = 32;
    private static final int HEADER = 8;
    private static final int READ_CHUNK = 16 * 1024;

    private final int maxMessageSize;

    public TtlvDecoder() {
        this(DEFAULT_MAX_MESSAGE_SIZE);
    }

    public TtlvDecoder(int maxMessageSize) {
        if (maxMessageSize < HEADER) {
            throw new IllegalArgumentException("Invalid maximum message size " + maxMessageSize + "; must be at least 8");
        }
        this.maxMessageSize = maxMessageSize;
    }

    /** Decodes exactly one item that spans the whole array. */
    public TtlvItem decode(byte[] message) throws TtlvException {
        if (message.length > maxMessageSize) {
            throw new TtlvException(Reason.TOO_LARGE, message.length + " bytes exceed the maximum of " + maxMessageSize);
        }
        ByteBuffer buf = ByteBuffer.wrap(message);
        TtlvItem item = readItem(buf, 0);
        if (buf.hasRemaining()) {
            throw new TtlvException(Reason.TRAILING_BYTES, buf.remaining() + " bytes after the message");
        }
        return item;
    }

    /**
     * Reads one message from a stream: the 8-byte header first, its length checked against the
     * maximum, then the body in chunks as it arrives (a peer announcing 1 MiB and sending nothing
     * costs no 1 MiB buffer).
     *
     * @throws EOFException if the stream ends before the first byte (peer closed cleanly) or mid-message
     */
    public byte[] readMessage(InputStream in) throws IOException, TtlvException {
        byte[] header = in.readNBytes(HEADER);
        if (header.length == 0) {
            throw new EOFException("connection closed by peer");
        }
        if (header.length < HEADER) {
            throw new TtlvException(Reason.TRUNCATED_HEADER, "stream ended after " + header.length + " header bytes");
        }
        int tag = ((header[0] & 0xFF) << 16) | ((header[1] & 0xFF) << 8) | (header[2] & 0xFF);
        checkTag(tag);
        if ((header[3] & 0xFF) != ItemType.STRUCTURE.code()) {
            throw new TtlvException(Reason.BAD_TYPE, "a message must be a Structure, got type " + (header[3] & 0xFF));
        }
        long length = ByteBuffer.wrap(header, 4, 4).getInt() & 0xFFFFFFFFL;
        if (length % 8 != 0) {
            throw new TtlvException(Reason.BAD_LENGTH, "structure length " + length + " is not a multiple of 8");
        }
        if (length > maxMessageSize - HEADER) {
            throw new TtlvException(Reason.TOO_LARGE, "announced " + length + " bytes exceed the maximum of " + maxMessageSize);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(length + HEADER, READ_CHUNK));
        out.write(header);
        long left = length;
        while (left > 0) {
            byte[] chunk = in.readNBytes((int) Math.min(left, READ_CHUNK));
            if (chunk.length == 0) {
                throw new TtlvException(Reason.TRUNCATED_VALUE, "stream ended with " + left + " message bytes missing");
            }
            out.write(chunk);
            left -= chunk.length;
        }
        return out.toByteArray();
    }

    private TtlvItem readItem(ByteBuffer buf, int depth) throws TtlvException {
        if (buf.remaining() < HEADER) {
            throw new TtlvException(Reason.TRUNCATED_HEADER, "need 8 header bytes, " + buf.remaining() + " left");
        }
        int start = buf.position();
        int tag = ((buf.get() & 0xFF) << 16) | ((buf.get() & 0xFF) << 8) | (buf.get() & 0xFF);
        checkTag(tag);
        int typeCode = buf.get() & 0xFF;
        ItemType type = ItemType.fromCode(typeCode);
        if (type == null) {
            throw new TtlvException(Reason.BAD_TYPE, String.format("type 0x%02X at offset %d", typeCode, start));
        }
        long length = buf.getInt() & 0xFFFFFFFFL;
        if (type.fixedLength() >= 0 && length != type.fixedLength()) {
            throw new TtlvException(Reason.BAD_LENGTH, type + " with length " + length + " at offset " + start);
        }
        long paddedLength = (length + 7) & ~7L;
        if (paddedLength > buf.remaining()) {
            throw new TtlvException(Reason.TRUNCATED_VALUE,
                    type + " announces " + length + " bytes at offset " + start + ", " + buf.remaining() + " left");
        }
        int len = (int) length;
        Object value = readValue(buf, type, len, depth, start);
        checkPadding(buf, (int) (paddedLength - length), start);
        return TtlvItem.decoded(tag, type, value);
    }

    private Object readValue(ByteBuffer buf, ItemType type, int len, int depth, int start) throws TtlvException {
        switch (type) {
            case STRUCTURE:
                return readChildren(buf, len, depth, start);
            case INTEGER:
            case ENUMERATION:
                return buf.getInt();
            case INTERVAL:
                return buf.getInt() & 0xFFFFFFFFL;
            case LONG_INTEGER:
            case DATE_TIME:
            case DATE_TIME_EXTENDED:
                return buf.getLong();
            case BOOLEAN:
                long b = buf.getLong();
                if (b != 0 && b != 1) {
                    throw new TtlvException(Reason.BAD_VALUE, "Boolean value " + b + " at offset " + start);
                }
                return b == 1;
            case BIG_INTEGER:
                if (len == 0 || len % 8 != 0) {
                    throw new TtlvException(Reason.BAD_LENGTH, "Big Integer length " + len + " at offset " + start);
                }
                return new BigInteger(slice(buf, len));
            case TEXT_STRING:
                return utf8(slice(buf, len), start);
            case BYTE_STRING:
                return slice(buf, len);
            default:
                throw new TtlvException(Reason.BAD_TYPE, type + " at offset " + start);
        }
    }

    private List<TtlvItem> readChildren(ByteBuffer buf, int len, int depth, int start) throws TtlvException {
        if (depth >= MAX_DEPTH) {
            throw new TtlvException(Reason.TOO_DEEP, "structures nested deeper than " + MAX_DEPTH);
        }
        if (len % 8 != 0) {
            throw new TtlvException(Reason.BAD_LENGTH, "Structure length " + len + " at offset " + start);
        }
        ByteBuffer inner = buf.slice();
        inner.limit(len);
        List<TtlvItem> children = new ArrayList<>();
        while (inner.hasRemaining()) {
            children.add(readItem(inner, depth + 1));
        }
        buf.position(buf.position() + len);
        return children;
    }

    private static byte[] slice(ByteBuffer buf, int len) {
        byte[] b = new byte[len];
        buf.get(b);
        return b;
    }

    private static String utf8(byte[] b, int start) throws TtlvException {
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return cb.toString();
        } catch (CharacterCodingException e) {
            throw new TtlvException(Reason.BAD_VALUE, "Text String is not UTF-8 at offset " + start);
        }
    }

    private static void checkPadding(ByteBuffer buf, int pad, int start) throws TtlvException {
        for (int i = 0; i < pad; i++) {
            if (buf.get() != 0) {
                throw new TtlvException(Reason.BAD_PADDING, "non-zero padding in item at offset " + start);
            }
        }
    }

    private static void checkTag(int tag) throws TtlvException {
        if (!Tag.isAcceptable(tag)) {
            throw new TtlvException(Reason.UNKNOWN_TAG, String.format("tag 0x%06X", tag));
        }
    }


}
