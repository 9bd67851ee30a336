package io.boat.kmip.ttlv;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a TTLV tree: tag, type and value. Immutable (byte strings are copied in and out).
 * {@link #toString()} never prints byte-string contents, which may be key material.
 */
public final class TtlvItem {

    private final int tag;
    private final ItemType type;
    private final Object value;

    private TtlvItem(int tag, ItemType type, Object value) {
        this.tag = tag;
        this.type = type;
        this.value = value;
    }

    // ---- factories -------------------------------------------------------------------------

    public static TtlvItem structure(Tag tag, List<TtlvItem> children) {
        return structure(tag.code(), children);
    }

    public static TtlvItem structure(Tag tag, TtlvItem... children) {
        return structure(tag.code(), Arrays.asList(children));
    }

    public static TtlvItem structure(int tag, List<TtlvItem> children) {
        List<TtlvItem> copy = new ArrayList<>(children.size());
        for (TtlvItem c : children) {
            copy.add(Objects.requireNonNull(c, "child"));
        }
        return new TtlvItem(tag, ItemType.STRUCTURE, List.copyOf(copy));
    }

    public static TtlvItem integer(Tag tag, int value) {
        return new TtlvItem(tag.code(), ItemType.INTEGER, value);
    }

    public static TtlvItem longInteger(Tag tag, long value) {
        return new TtlvItem(tag.code(), ItemType.LONG_INTEGER, value);
    }

    public static TtlvItem bigInteger(Tag tag, BigInteger value) {
        return new TtlvItem(tag.code(), ItemType.BIG_INTEGER, Objects.requireNonNull(value));
    }

    public static TtlvItem enumeration(Tag tag, int value) {
        return new TtlvItem(tag.code(), ItemType.ENUMERATION, value);
    }

    public static TtlvItem bool(Tag tag, boolean value) {
        return new TtlvItem(tag.code(), ItemType.BOOLEAN, value);
    }

    public static TtlvItem text(Tag tag, String value) {
        return new TtlvItem(tag.code(), ItemType.TEXT_STRING, Objects.requireNonNull(value));
    }

    public static TtlvItem bytes(Tag tag, byte[] value) {
        return new TtlvItem(tag.code(), ItemType.BYTE_STRING, value.clone());
    }

    /** Date-Time: seconds since 1970-01-01T00:00:00Z. */
    public static TtlvItem dateTime(Tag tag, long epochSeconds) {
        return new TtlvItem(tag.code(), ItemType.DATE_TIME, epochSeconds);
    }

    /** Interval: unsigned 32-bit number of seconds. */
    public static TtlvItem interval(Tag tag, long seconds) {
        if (seconds < 0 || seconds > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("Invalid interval " + seconds + "; must fit 32 unsigned bits");
        }
        return new TtlvItem(tag.code(), ItemType.INTERVAL, seconds);
    }

    /** Date-Time Extended (KMIP 2.0): microseconds since the epoch. */
    public static TtlvItem dateTimeExtended(Tag tag, long epochMicros) {
        return new TtlvItem(tag.code(), ItemType.DATE_TIME_EXTENDED, epochMicros);
    }

    /** Used by the decoder: tag already validated, value already of the right Java type. */
    static TtlvItem decoded(int tag, ItemType type, Object value) {
        return new TtlvItem(tag, type, value);
    }

    // ---- accessors -------------------------------------------------------------------------

    public int tagCode() {
        return tag;
    }

    /** The tag, if the table knows it (extension tags are empty). */
    public Optional<Tag> tag() {
        return Tag.fromCode(tag);
    }

    public boolean is(Tag t) {
        return tag == t.code();
    }

    public ItemType type() {
        return type;
    }

    public List<TtlvItem> children() throws TtlvException {
        return cast(ItemType.STRUCTURE, List.class);
    }

    /** Children, or an empty list for a primitive (used by generic walkers). */
    @SuppressWarnings("unchecked")
    public List<TtlvItem> childrenOrEmpty() {
        return type == ItemType.STRUCTURE ? (List<TtlvItem>) value : List.of();
    }

    public Optional<TtlvItem> child(Tag t) {
        for (TtlvItem c : childrenOrEmpty()) {
            if (c.is(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public List<TtlvItem> all(Tag t) {
        List<TtlvItem> out = new ArrayList<>();
        for (TtlvItem c : childrenOrEmpty()) {
            if (c.is(t)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The first child with that tag; a typed error if it is missing. */
    public TtlvItem require(Tag t) throws TtlvException {
        if (type != ItemType.STRUCTURE) {
            throw new TtlvException(TtlvException.Reason.UNEXPECTED_ITEM, name() + " is not a structure");
        }
        return child(t).orElseThrow(() -> new TtlvException(TtlvException.Reason.MISSING_ITEM,
                name() + " has no " + t));
    }

    public int asInt() throws TtlvException {
        return cast(ItemType.INTEGER, Integer.class);
    }

    public long asLong() throws TtlvException {
        return cast(ItemType.LONG_INTEGER, Long.class);
    }

    public BigInteger asBigInteger() throws TtlvException {
        return cast(ItemType.BIG_INTEGER, BigInteger.class);
    }

    public int asEnum() throws TtlvException {
        return cast(ItemType.ENUMERATION, Integer.class);
    }

    public boolean asBoolean() throws TtlvException {
        return cast(ItemType.BOOLEAN, Boolean.class);
    }

    public String asText() throws TtlvException {
        return cast(ItemType.TEXT_STRING, String.class);
    }

    /** A copy of the byte string; the caller should wipe it when it holds key material. */
    public byte[] asBytes() throws TtlvException {
        return cast(ItemType.BYTE_STRING, byte[].class).clone();
    }

    public long asDateTime() throws TtlvException {
        return cast(ItemType.DATE_TIME, Long.class);
    }

    public long asInterval() throws TtlvException {
        return cast(ItemType.INTERVAL, Long.class);
    }

    public long asDateTimeExtended() throws TtlvException {
        return cast(ItemType.DATE_TIME_EXTENDED, Long.class);
    }

    /** Raw value for the encoder (byte strings not copied). */
    Object rawValue() {
        return value;
    }

    private <T> T cast(ItemType expected, Class<T> cls) throws TtlvException {
        if (type != expected) {
            throw new TtlvException(TtlvException.Reason.UNEXPECTED_ITEM,
                    name() + " is " + type + ", expected " + expected);
        }
        return cls.cast(value);
    }

    private String name() {
        return tag().map(Enum::name).orElse(String.format("0x%06X", tag));
    }

    // ---- value semantics -------------------------------------------------------------------

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TtlvItem)) {
            return false;
        }
        TtlvItem other = (TtlvItem) o;
        if (tag != other.tag || type != other.type) {
            return false;
        }
        if (value instanceof byte[]) {
            return Arrays.equals((byte[]) value, (byte[]) other.value);
        }
        return value.equals(other.value);
    }

    @Override
    public int hashCode() {
        int h = 31 * tag + type.hashCode();
        return 31 * h + (value instanceof byte[] ? Arrays.hashCode((byte[]) value) : value.hashCode());
    }

    /** Indented tree; byte strings print only their length. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb, 0);
        return sb.toString();
    }

    private void appendTo(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth)).append(name()).append(' ').append(type);
        if (type == ItemType.STRUCTURE) {
            sb.append('\n');
            for (TtlvItem c : childrenOrEmpty()) {
                c.appendTo(sb, depth + 1);
            }
            return;
        }
        if (value instanceof byte[]) {
            sb.append(" [").append(((byte[]) value).length).append(" bytes, redacted]\n");
        } else {
            sb.append(' ').append(value).append('\n');
        }
    }
}
