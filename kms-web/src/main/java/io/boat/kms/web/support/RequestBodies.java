package io.boat.kms.web.support;

import io.boat.kms.InvalidRequestException;
import io.boat.kms.PayloadTooLargeException;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies with a hard size limit, and parses JSON objects strictly. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** Reads at most {@code max} bytes; a larger body is 413 before it is buffered. */
    public static byte[] read(InputStream in, int max) {
        if (in == null) {
            return new byte[0];
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
            byte[] buf = new byte[8192];
            int total = 0;
            for (int n; (n = in.read(buf)) != -1; ) {
                total += n;
                if (total > max) {
                    throw new PayloadTooLargeException("Request entity too large: more than " + max + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new InvalidRequestException("Could not read the request body");
        }
    }

    /** A JSON object, or 400 saying the body is not one. */
    public static JsonObject object(byte[] body) {
        if (body.length == 0) {
            throw new InvalidRequestException("Malformed JSON: the request body is empty");
        }
        Utf8.check(body, "The request body");
        JsonDepth.check(body);
        try (JsonReader reader = CachedJsonProvider.JSON.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidRequestException("Malformed JSON: a JSON object is required");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw new InvalidRequestException("Malformed JSON");
        } catch (JsonException e) {
            throw new InvalidRequestException("Malformed JSON");
        }
    }
}
