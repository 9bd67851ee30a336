package io.boat.kms.secret;

import io.boat.kms.InvalidRequestException;
import java.util.Locale;

/**
 * User-metadata keys as Barbican treats them: 1 to 255 characters, compared lower-cased; control
 * and invisible characters are refused (they cannot be shown or typed back).
 */
public final class MetadataKeys {

    static final int MAX_LENGTH = 255;

    private MetadataKeys() {
    }

    public static String normalise(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_LENGTH) {
            throw new InvalidRequestException("Invalid metadata key: 1 to " + MAX_LENGTH + " characters required");
        }
        if (key.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE)) {
            throw new InvalidRequestException("Invalid metadata key: control and invisible characters are not allowed");
        }
        return key.toLowerCase(Locale.ROOT);
    }
}
