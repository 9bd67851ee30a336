package io.boat.kmip.message;

import io.boat.kmip.api.KmipVersion;
import io.boat.kmip.message.KmipEnumerations.Operation;
import io.boat.kmip.ttlv.Tag;
import io.boat.kmip.ttlv.TtlvEncoder;
import io.boat.kmip.ttlv.TtlvItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Request Message (KMIP 1.4 §7.1, header §7.2): Protocol Version, Batch Count, then batch items
 * of Operation, optional Unique Batch Item ID and Request Payload. No Time Stamp (PyKMIP rejects
 * stamps older than 60 s; the field is optional).
 */
public record RequestMessage(KmipVersion version, List<Item> items) {

    /** One batch item. {@code batchId} is required by PyKMIP when there is more than one item. */
    public record Item(Operation operation, byte[] batchId, TtlvItem payload) {
        public Item {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(payload, "payload");
        }
    }

    public RequestMessage {
        Objects.requireNonNull(version, "version");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("A request needs at least one batch item");
        }
    }

    public static RequestMessage single(KmipVersion version, Operation op, TtlvItem payload) {
        return new RequestMessage(version, List.of(new Item(op, null, payload)));
    }

    public TtlvItem toTtlv() {
        List<TtlvItem> children = new ArrayList<>();
        children.add(TtlvItem.structure(Tag.REQUEST_HEADER,
                protocolVersion(version),
                TtlvItem.integer(Tag.BATCH_COUNT, items.size())));
        for (Item item : items) {
            List<TtlvItem> fields = new ArrayList<>();
            fields.add(TtlvItem.enumeration(Tag.OPERATION, item.operation().code));
            if (item.batchId() != null) {
                fields.add(TtlvItem.bytes(Tag.UNIQUE_BATCH_ITEM_ID, item.batchId()));
            }
            fields.add(item.payload());
            children.add(TtlvItem.structure(Tag.BATCH_ITEM, fields));
        }
        return TtlvItem.structure(Tag.REQUEST_MESSAGE, children);
    }

    public byte[] encode() {
        return TtlvEncoder.encode(toTtlv());
    }

    static TtlvItem protocolVersion(KmipVersion v) {
        return TtlvItem.structure(Tag.PROTOCOL_VERSION,
                TtlvItem.integer(Tag.PROTOCOL_VERSION_MAJOR, v.major()),
                TtlvItem.integer(Tag.PROTOCOL_VERSION_MINOR, v.minor()));
    }
}
