package io.boat.kmip.ttlv;

/**
 * The only exception the codec throws: bytes that are not a well-formed KMIP message, or a tree
 * that does not have the shape a typed message requires. Checked, so callers must decide what a
 * malformed peer means (the connector drops the connection).
 */
public final class TtlvException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why decoding (or mapping a tree to a message) failed: a closed set. */
    public enum Reason {
        /** Fewer than 8 bytes left where an item header must start. */
        TRUNCATED_HEADER,
        /** The header announces more value bytes (with padding) than remain. */
        TRUNCATED_VALUE,
        /** A length that is wrong for the item type (fixed-length types, Big Integer not a multiple of 8). */
        BAD_LENGTH,
        /** An item type byte outside the table. */
        BAD_TYPE,
        /** A tag that is neither in {@link Tag} nor in the extension range. */
        UNKNOWN_TAG,
        /** A padding byte that is not zero. */
        BAD_PADDING,
        /** A value that is not allowed for its type (Boolean not 0/1, text not UTF-8). */
        BAD_VALUE,
        /** The message is larger than the configured maximum. */
        TOO_LARGE,
        /** Structures nested deeper than the decoder allows. */
        TOO_DEEP,
        /** Bytes left after the message item. */
        TRAILING_BYTES,
        /** A message tree lacks an item its typed message requires. */
        MISSING_ITEM,
        /** An item has another type, or an enumeration value the message layer does not know. */
        UNEXPECTED_ITEM
    }

    private final Reason reason;

    public TtlvException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
