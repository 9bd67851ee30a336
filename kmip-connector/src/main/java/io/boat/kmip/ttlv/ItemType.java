package io.boat.kmip.ttlv;

/**
 * TTLV item types, KMIP 1.4 §9.1.1.2 "Item Type" (table 204) and KMIP 2.0 §9.1.1.2 (adds Date-Time
 * Extended). {@link #fixedLength()} is the value length a decoder requires, or -1 if variable.
 */
public enum ItemType {
    STRUCTURE(0x01, -1),
    INTEGER(0x02, 4),
    LONG_INTEGER(0x03, 8),
    BIG_INTEGER(0x04, -1),
    ENUMERATION(0x05, 4),
    BOOLEAN(0x06, 8),
    TEXT_STRING(0x07, -1),
    BYTE_STRING(0x08, -1),
    DATE_TIME(0x09, 8),
    INTERVAL(0x0A, 4),
    /** KMIP 2.0 only: microseconds since the epoch. */
    DATE_TIME_EXTENDED(0x0B, 8);

    private final int code;
    private final int fixedLength;

    ItemType(int code, int fixedLength) {
        this.code = code;
        this.fixedLength = fixedLength;
    }

    public int code() {
        return code;
    }

    public int fixedLength() {
        return fixedLength;
    }

    /** The type with that code, or {@code null}. */
    static ItemType fromCode(int code) {
        for (ItemType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
