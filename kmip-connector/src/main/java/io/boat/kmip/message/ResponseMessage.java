package io.boat.kmip.message;

import io.boat.kmip.api.KmipException;
import io.boat.kmip.api.KmipVersion;
import io.boat.kmip.api.ResultReason;
import io.boat.kmip.message.KmipEnumerations.Operation;
import io.boat.kmip.message.KmipEnumerations.ResultStatus;
import io.boat.kmip.ttlv.Tag;
import io.boat.kmip.ttlv.TtlvException;
import io.boat.kmip.ttlv.TtlvItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Response Message (KMIP 1.4 §7.1, header §7.2): Protocol Version, Time Stamp, Batch Count, then
 * batch items of optional Operation, Result Status, Result Reason, Result Message and Response
 * Payload. A tree of another shape is a {@link TtlvException}.
 */
public record ResponseMessage(KmipVersion version, long timeStamp, List<Item> items) {

    /** One batch item as the server answered it. */
    public record Item(Integer operation, int resultStatus, Integer resultReason, String resultMessage,
                       TtlvItem payload) {

        /**
         * The payload of a successful result for {@code expected}; a failed result becomes a
         * {@link KmipException} carrying the KMIP result reason and message.
         */
        public TtlvItem requireSuccess(Operation expected) throws KmipException {
            if (resultStatus != ResultStatus.SUCCESS.code) {
                ResultReason reason = resultReason == null ? ResultReason.GENERAL_FAILURE
                        : ResultReason.fromCode(resultReason);
                throw new KmipException(reason, expected + " failed: " + reason
                        + (resultMessage == null ? "" : " (" + resultMessage + ")"));
            }
            if (operation != null && operation != expected.code) {
                throw new KmipException(ResultReason.INVALID_MESSAGE,
                        expected + " answered with operation " + operation);
            }
            return payload == null ? TtlvItem.structure(Tag.RESPONSE_PAYLOAD) : payload;
        }
    }

    public static ResponseMessage fromTtlv(TtlvItem msg) throws TtlvException {
        if (!msg.is(Tag.RESPONSE_MESSAGE)) {
            throw new TtlvException(TtlvException.Reason.UNEXPECTED_ITEM, "not a Response Message");
        }
        TtlvItem header = msg.require(Tag.RESPONSE_HEADER);
        TtlvItem pv = header.require(Tag.PROTOCOL_VERSION);
        KmipVersion version = new KmipVersion(pv.require(Tag.PROTOCOL_VERSION_MAJOR).asInt(),
                pv.require(Tag.PROTOCOL_VERSION_MINOR).asInt());
        long timeStamp = header.require(Tag.TIME_STAMP).asDateTime();
        int count = header.require(Tag.BATCH_COUNT).asInt();
        List<TtlvItem> batch = msg.all(Tag.BATCH_ITEM);
        if (count != batch.size()) {
            throw new TtlvException(TtlvException.Reason.UNEXPECTED_ITEM,
                    "Batch Count " + count + " but " + batch.size() + " batch items");
        }
        List<Item> items = new ArrayList<>();
        for (TtlvItem b : batch) {
            Integer op = b.child(Tag.OPERATION).isPresent() ? b.require(Tag.OPERATION).asEnum() : null;
            int status = b.require(Tag.RESULT_STATUS).asEnum();
            Integer reason = b.child(Tag.RESULT_REASON).isPresent() ? b.require(Tag.RESULT_REASON).asEnum() : null;
            String message = b.child(Tag.RESULT_MESSAGE).isPresent() ? b.require(Tag.RESULT_MESSAGE).asText() : null;
            TtlvItem payload = b.child(Tag.RESPONSE_PAYLOAD).orElse(null);
            items.add(new Item(op, status, reason, message, payload));
        }
        return new ResponseMessage(version, timeStamp, items);
    }
}
