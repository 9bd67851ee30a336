package io.boat.kms.web.support;

import io.boat.kms.InvalidRequestException;
import io.boat.kms.KmsException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Typed, bounded access to the fields of a request object. Every violation is a 400 in
 * Barbican's wording: "Provided object does not match schema '<schema>': <why>. Invalid property: '<name>'".
 */
public final class RequestFields {

    private final JsonObject object;
    private final String schema;

    public RequestFields(JsonObject object, String schema) {
        this.object = object;
        this.schema = schema;
    }

    public boolean has(String name) {
        return object.containsKey(name) && object.get(name).getValueType() != JsonValue.ValueType.NULL;
    }

    public String string(String name, int maxLength) {
        if (!has(name)) {
            return null;
        }
        JsonValue v = object.get(name);
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw invalid(name, name + " must be a string");
        }
        String s = ((JsonString) v).getString();
        if (s.length() > maxLength) {
            throw invalid(name, name + " is longer than " + maxLength + " characters");
        }
        return s;
    }

    public String requiredString(String name, int maxLength) {
        String s = string(name, maxLength);
        if (s == null || s.isEmpty()) {
            throw invalid(name, "'" + name + "' is a required property");
        }
        return s;
    }

    public Integer integer(String name, int min, int max) {
        if (!has(name)) {
            return null;
        }
        JsonValue v = object.get(name);
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw invalid(name, name + " must be an integer");
        }
        JsonNumber n = (JsonNumber) v;
        long value;
        try {
            value = n.longValueExact();
        } catch (ArithmeticException e) {
            throw invalid(name, name + " is out of range");
        }
        if (value < min || value > max) {
            throw invalid(name, name + " must be between " + min + " and " + max);
        }
        return (int) value;
    }

    public JsonObject object(String name) {
        if (!has(name)) {
            return null;
        }
        JsonValue v = object.get(name);
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid(name, name + " must be an object");
        }
        return v.asJsonObject();
    }

    /** An ISO-8601 date-time; without an offset it is taken as UTC, as Barbican does. */
    public OffsetDateTime dateTime(String name) {
        String s = string(name, 64);
        if (s == null) {
            return null;
        }
        try {
            return parseDate(s);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("Invalid date for '" + name + "'");
        }
    }

    /**
     * Years 1 to 9999, as Barbican (Python's datetime) and the databases take them; beyond, even
     * converting to UTC overflows, so such dates are refused as unparseable.
     */
    public static OffsetDateTime parseDate(String s) {
        OffsetDateTime t;
        try {
            try {
                t = OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                t = LocalDateTime.parse(s).atOffset(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw e;
        } catch (DateTimeException e) {
            throw new DateTimeParseException("date out of range", s, 0);
        }
        if (t.getYear() < 1 || t.getYear() > 9999) {
            throw new DateTimeParseException("date out of range", s, 0);
        }
        return t;
    }

    public KmsException invalid(String name, String why) {
        return new InvalidRequestException("Provided object does not match schema '" + schema + "': " + why
                + ". Invalid property: '" + name + "'");
    }
}
