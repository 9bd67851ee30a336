package io.boat.kms.web.support;

import io.boat.kms.InvalidRequestException;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;

/**
 * Refuses JSON nested deeper than any BOAT or Keystone body needs, before a tree is built. The
 * streaming parser holds no stack per level, so a body nested 100,000 deep costs one pass over
 * its bytes and a 400, not a stack overflow, a 500 and a stack trace in the log.
 */
final class JsonDepth {

    /** Keystone's deepest body ({@code auth.identity.password.user.domain}) is 5 levels. */
    static final int MAX = 32;

    private JsonDepth() {
    }

    static void check(byte[] body) {
        int depth = 0;
        try (JsonParser parser = CachedJsonProvider.JSON.createParser(new ByteArrayInputStream(body))) {
            while (parser.hasNext()) {
                JsonParser.Event e = parser.next();
                if (e == JsonParser.Event.START_OBJECT || e == JsonParser.Event.START_ARRAY) {
                    if (++depth > MAX) {
                        throw new InvalidRequestException("Malformed JSON: nested deeper than " + MAX + " levels");
                    }
                } else if (e == JsonParser.Event.END_OBJECT || e == JsonParser.Event.END_ARRAY) {
                    depth--;
                }
            }
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonParsingException and whatever else a provider throws on bad input: the client's error
            throw new InvalidRequestException("Malformed JSON");
        }
    }
}
