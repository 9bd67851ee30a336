package io.boat.attestation.service.interfaces.rest;

import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Edge validation of request fields: every value from a request is checked here for presence, encoding and size. */
final class RequestFields {
    private static final Pattern AK_NAME = Pattern.compile("000[bB][0-9a-fA-F]{64}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{N} ._:/@#()+,-]{0,255}");

    private RequestFields() {
    }

    static byte[] base64(String field, String value, int maxBytes) {
        if (value == null || value.isEmpty()) {
            throw new BadInputException(field + " is required (base64)");
        }
        if (value.length() > (maxBytes + 2) / 3 * 4 + 4) {
            throw new BadInputException(field + " exceeds " + maxBytes + " bytes");
        }
        try {
            byte[] b = Base64.getDecoder().decode(value);
            if (b.length > maxBytes) {
                throw new BadInputException(field + " exceeds " + maxBytes + " bytes");
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(field + " is not valid base64");
        }
    }

    static byte[] hex(String field, String value, int bytes) {
        if (value == null || value.length() != bytes * 2 || !value.matches("[0-9a-fA-F]*")) {
            throw new BadInputException(field + " must be " + bytes + " bytes of hex");
        }
        return HexFormat.of().parseHex(value);
    }

    /** AK names are SHA-256 TPM names: "000b" followed by 64 hex digits; returned lower-case. */
    static String akName(String value) {
        if (value == null || !AK_NAME.matcher(value).matches()) {
            throw new BadInputException("AK name must be 000b followed by 64 hex digits");
        }
        return value.toLowerCase();
    }

    static String hostId(String value) {
        if (value == null || !UUID.matcher(value).matches()) {
            throw new BadInputException("host id must be a UUID");
        }
        return value;
    }

    static String text(String field, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                throw new BadInputException(field + " is required");
            }
            return null;
        }
        if (!TEXT.matcher(value).matches()) {
            throw new BadInputException(field + " must be at most 255 letters, digits, spaces or ._:/@#()+,-");
        }
        return value;
    }

    static int pcr(String value) {
        if (value == null || !value.matches("\\d{1,2}") || Integer.parseInt(value) > 23) {
            throw new BadInputException("PCR index must be 0..23");
        }
        return Integer.parseInt(value);
    }

    static <T> T body(T value) {
        if (value == null) {
            throw new BadInputException("a JSON request body is required");
        }
        return value;
    }
}
