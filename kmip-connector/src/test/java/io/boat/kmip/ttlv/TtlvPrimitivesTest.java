package io.boat.kmip.ttlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kmip.ttlv.TtlvException.Reason;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * One case per primitive: the examples of KMIP 1.4 §9.1.2 (tag 0x420020) encoded and decoded,
 * then the ways a primitive can be malformed.
 */
class TtlvPrimitivesTest {

    private final TtlvDecoder decoder = new TtlvDecoder();

    private void roundTrip(TtlvItem item, String annotatedHex) throws TtlvException {
        byte[] expected = Hex.bytes(annotatedHex);
        assertThat(Hex.of(TtlvEncoder.encode(item))).isEqualTo(Hex.of(expected));
        assertThat(decoder.decode(expected)).isEqualTo(item);
    }

    private Reason failure(String annotatedHex) {
        try {
            decoder.decode(Hex.bytes(annotatedHex));
        } catch (TtlvException e) {
            return e.reason();
        }
        throw new AssertionError("decoding succeeded");
    }

    @Test
    void integer_specExample_roundTrips() throws TtlvException {
        roundTrip(TtlvItem.integer(Tag.COMPROMISE_DATE, 8), "420020 | 02 | 00000004 | 00000008 00000000");
    }

    @Test
    void integer_negative_roundTrips() throws TtlvException {
        roundTrip(TtlvItem.integer(Tag.COMPROMISE_DATE, -2), "420020 | 02 | 00000004 | FFFFFFFE 00000000");
    }

    @Test
    void longInteger_specExample_roundTrips() throws TtlvException {
        roundTrip(TtlvItem.longInteger(Tag.COMPROMISE_DATE, 123456789000000000L),
                "420020 | 03 | 00000008 | 01B69B4BA5749200");
    }

    @Test
    void bigInteger_specExample_roundTrips() throws TtlvException {
        roundTrip(TtlvItem.bigInteger(Tag.COMPROMISE_DATE, new BigInteger("1234567890000000000000000000")),
                "420020 | 04 | 00000010 | 0000000003FD35EB 6BC2DF4618080000");
    }

    @Test
    void bigInteger_minusOne_isSignExtendedToEightBytes() throws TtlvException {
        roundTrip(TtlvItem.bigInteger(Tag.COMPROMISE_DATE, BigInteger.ONE.negate()),
                "420020 | 04 | 00000008 | FFFFFFFFFFFFFFFF");
    }

    @Test
    void bigInteger_0x80_keepsPositiveSignByte() throws TtlvException {
        roundTrip(TtlvItem.bigInteger(Tag.COMPROMISE_DATE, BigInteger.valueOf(0x80)),
                "420020 | 04 | 00000008 | 0000000000000080");
    }

    @Test
    void bigInteger_minus129_isSignExtendedWithFF() throws TtlvException {
        roundTrip(TtlvItem.bigInteger(Tag.COMPROMISE_DATE, BigInteger.valueOf(-129)),
                "420020 | 04 | 00000008 | FFFFFFFFFFFFFF7F");
    }

    @Test
    void bigInteger_eightByteNegativeBoundary_takesExactlyEightBytes() throws TtlvException {
        roundTrip(TtlvItem.bigInteger(Tag.COMPROMISE_DATE, BigInteger.valueOf(Long.MIN_VALUE)),
                "420020 | 04 | 00000008 | 8000000000000000");
    }

    @Test
    void bigInteger_positiveNeedingNinthByte_growsToSixteen() throws TtlvException {
        roundTrip(TtlvItem.bigInteger(Tag.COMPROMISE_DATE, new BigInteger("8000000000000000", 16)),
                "420020 | 04 | 00000010 | 0000000000000000 8000000000000000");
    }

    @Test
    void decode_bigIntegerLengthNotMultipleOfEight_failsBadLength() {
        assertThat(failure("420020 | 04 | 00000004 | 00000001 00000000")).isEqualTo(Reason.BAD_LENGTH);
    }

    @Test
    void enumeration_specExample_roundTrips() throws TtlvException {
        roundTrip(TtlvItem.enumeration(Tag.COMPROMISE_DATE, 255), "420020 | 05 | 00000004 | 000000FF 00000000");
    }

    @Test
    void boolean_true_roundTrips() throws TtlvException {
        roundTrip(TtlvItem.bool(Tag.COMPROMISE_DATE, true), "420020 | 06 | 00000008 | 0000000000000001");
    }

    @Test
    void boolean_false_roundTrips() throws TtlvException {
        roundTrip(TtlvItem.bool(Tag.COMPROMISE_DATE, false), "420020 | 06 | 00000008 | 0000000000000000");
    }

    @Test
    void decode_booleanTwo_failsBadValue() {
        assertThat(failure("420020 | 06 | 00000008 | 0000000000000002")).isEqualTo(Reason.BAD_VALUE);
    }

    @Test
    void textString_specExample_roundTripsWithPadding() throws TtlvException {
        roundTrip(TtlvItem.text(Tag.COMPROMISE_DATE, "Hello World"),
                "420020 | 07 | 0000000B | 48656C6C6F20576F 726C640000000000");
    }

    @Test
    void textString_multiByteUtf8_lengthCountsBytes() throws TtlvException {
        roundTrip(TtlvItem.text(Tag.COMPROMISE_DATE, "é"), "420020 | 07 | 00000002 | C3A9000000000000");
    }

    @Test
    void textString_empty_hasNoValueBytes() throws TtlvException {
        roundTrip(TtlvItem.text(Tag.COMPROMISE_DATE, ""), "420020 | 07 | 00000000");
    }

    @Test
    void decode_textNotUtf8_failsBadValue() {
        assertThat(failure("420020 | 07 | 00000002 | C328000000000000")).isEqualTo(Reason.BAD_VALUE);
    }

    @Test
    void byteString_specExample_roundTrips() throws TtlvException {
        roundTrip(TtlvItem.bytes(Tag.COMPROMISE_DATE, new byte[] {1, 2, 3}), "420020 | 08 | 00000003 | 0102030000000000");
    }

    @Test
    void byteString_exactlyEight_hasNoPadding() throws TtlvException {
        roundTrip(TtlvItem.bytes(Tag.COMPROMISE_DATE, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}),
                "420020 | 08 | 00000008 | 0102030405060708");
    }

    @Test
    void dateTime_specExample_roundTrips() throws TtlvException {
        roundTrip(TtlvItem.dateTime(Tag.COMPROMISE_DATE, 0x47DA67F8L), "420020 | 09 | 00000008 | 0000000047DA67F8");
    }

    @Test
    void interval_tenDays_roundTrips() throws TtlvException {
        roundTrip(TtlvItem.interval(Tag.COMPROMISE_DATE, 864000), "420020 | 0A | 00000004 | 000D2F00 00000000");
    }

    @Test
    void interval_aboveSignedRange_staysUnsigned() throws TtlvException {
        roundTrip(TtlvItem.interval(Tag.COMPROMISE_DATE, 0xFFFFFFFFL), "420020 | 0A | 00000004 | FFFFFFFF 00000000");
    }

    @Test
    void dateTimeExtended_roundTrips() throws TtlvException {
        roundTrip(TtlvItem.dateTimeExtended(Tag.COMPROMISE_DATE, 1_205_495_800_000_001L),
                "420020 | 0B | 00000008 | 000448645CEFEE01");
    }

    @Test
    void structure_specExample_roundTrips() throws TtlvException {
        roundTrip(TtlvItem.structure(Tag.COMPROMISE_DATE,
                        TtlvItem.enumeration(Tag.APPLICATION_SPECIFIC_INFORMATION, 254),
                        TtlvItem.integer(Tag.ARCHIVE_DATE, 255)),
                "420020 | 01 | 00000020 | 420004 05 00000004 000000FE00000000 | 420005 02 00000004 000000FF00000000");
    }

    @Test
    void decode_integerNonZeroPadding_failsBadPadding() {
        assertThat(failure("420020 | 02 | 00000004 | 00000008 00000001")).isEqualTo(Reason.BAD_PADDING);
    }

    @Test
    void decode_textNonZeroPadding_failsBadPadding() {
        assertThat(failure("420020 | 07 | 00000001 | 4100000000000100")).isEqualTo(Reason.BAD_PADDING);
    }

    @Test
    void decode_integerWithLengthEight_failsBadLength() {
        assertThat(failure("420020 | 02 | 00000008 | 0000000800000000")).isEqualTo(Reason.BAD_LENGTH);
    }

    @Test
    void decode_longIntegerWithLengthFour_failsBadLength() {
        assertThat(failure("420020 | 03 | 00000004 | 0000000800000000")).isEqualTo(Reason.BAD_LENGTH);
    }

    @Test
    void decode_structureLengthNotMultipleOfEight_failsBadLength() {
        assertThat(failure("420020 | 01 | 00000004 | 00000000 00000000")).isEqualTo(Reason.BAD_LENGTH);
    }

    @Test
    void decode_fewerThanEightBytes_failsTruncatedHeader() {
        assertThat(failure("420020 02 0000")).isEqualTo(Reason.TRUNCATED_HEADER);
    }

    @Test
    void decode_valueShorterThanLength_failsTruncatedValue() {
        assertThat(failure("420020 | 02 | 00000004 | 00000008")).isEqualTo(Reason.TRUNCATED_VALUE);
    }

    @Test
    void decode_hugeByteStringLength_failsTruncatedValueWithoutAllocating() {
        assertThat(failure("420020 | 08 | FFFFFFF0 | 0000000000000000")).isEqualTo(Reason.TRUNCATED_VALUE);
    }

    @Test
    void decode_childOverrunningStructure_failsTruncatedValue() {
        assertThat(failure("420020 | 01 | 00000008 | 420004 05 00000004 000000FE00000000"))
                .isEqualTo(Reason.TRUNCATED_VALUE);
    }

    @Test
    void decode_unknownType_failsBadType() {
        assertThat(failure("420020 | 0C | 00000008 | 0000000000000000")).isEqualTo(Reason.BAD_TYPE);
    }

    @Test
    void decode_unknownTag_failsUnknownTag() {
        assertThat(failure("42FFFF | 02 | 00000004 | 00000008 00000000")).isEqualTo(Reason.UNKNOWN_TAG);
    }

    @Test
    void decode_tagOutsideKmipRanges_failsUnknownTag() {
        assertThat(failure("000001 | 02 | 00000004 | 00000008 00000000")).isEqualTo(Reason.UNKNOWN_TAG);
    }

    @Test
    void decode_extensionTag_isAccepted() throws TtlvException {
        TtlvItem item = decoder.decode(Hex.bytes("540001 | 02 | 00000004 | 00000008 00000000"));
        assertThat(item.tagCode()).isEqualTo(0x540001);
        assertThat(item.tag()).isEmpty();
        assertThat(item.asInt()).isEqualTo(8);
    }

    @Test
    void decode_trailingBytes_failsTrailingBytes() {
        assertThat(failure("420020 | 02 | 00000004 | 00000008 00000000 | 00")).isEqualTo(Reason.TRAILING_BYTES);
    }

    @Test
    void decode_messageAboveMaximum_failsTooLarge() {
        TtlvDecoder small = new TtlvDecoder(16);
        assertThatThrownBy(() -> small.decode(new byte[24]))
                .isInstanceOfSatisfying(TtlvException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void decode_nestingDeeperThanLimit_failsTooDeep() {
        TtlvItem item = TtlvItem.integer(Tag.ARCHIVE_DATE, 1);
        for (int i = 0; i < TtlvDecoder.MAX_DEPTH + 1; i++) {
            item = TtlvItem.structure(Tag.COMPROMISE_DATE, item);
        }
        byte[] deep = TtlvEncoder.encode(item);
        assertThatThrownBy(() -> decoder.decode(deep))
                .isInstanceOfSatisfying(TtlvException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_DEEP));
    }

    @Test
    void asInt_onTextItem_failsUnexpectedItem() {
        TtlvItem text = TtlvItem.text(Tag.UNIQUE_IDENTIFIER, "1");
        assertThatThrownBy(text::asInt)
                .isInstanceOfSatisfying(TtlvException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_ITEM));
    }

    @Test
    void require_missingChild_failsMissingItem() {
        TtlvItem s = TtlvItem.structure(Tag.BATCH_ITEM);
        assertThatThrownBy(() -> s.require(Tag.OPERATION))
                .isInstanceOfSatisfying(TtlvException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_ITEM));
    }

    @Test
    void toString_byteString_redactsContent() {
        TtlvItem key = TtlvItem.bytes(Tag.KEY_MATERIAL, new byte[] {0x73, 0x67, 0x57});
        assertThat(key.toString()).contains("3 bytes, redacted").doesNotContain("73").doesNotContain("115");
    }
}
