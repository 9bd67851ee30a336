package io.boat.kms.web.support;

import io.boat.kms.KmsException;

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
public final class Bodies {

    private Bodies() {
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
                    throw KmsException.client(413, "Request entity too large: more than " + max + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw KmsException.client(400, "Could not read the request body");
        }
    }

    /** A JSON object, or 400 saying the body is not one. */
    public static JsonObject object(byte[] body) {
        if (body.length == 0) {
            throw KmsException.client(400, "Malformed JSON: the request body is empty");
        }
        Utf8.check(body, "The request body");
        JsonDepth.check(body);
        try (JsonReader reader = Jsons.JSON.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw KmsException.client(400, "Malformed JSON: a JSON object is required");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw KmsException.client(400, "Malformed JSON");
        } catch (JsonException e) {
            throw KmsException.client(400, "Malformed JSON");
        }
    }
}
