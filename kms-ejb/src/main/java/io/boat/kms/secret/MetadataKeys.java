package io.boat.kms.secret;

import io.boat.kms.InvalidRequestException;
import java.util.Locale;

/** User-metadata keys as Barbican treats them: 1 to 255 characters, compared lower-cased. */
public final class MetadataKeys {

    static final int MAX_LENGTH = 255;

    private MetadataKeys() {
    }

    public static String normalise(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_LENGTH) {
            throw new InvalidRequestException("Invalid metadata key: 1 to " + MAX_LENGTH + " characters required");
        }
        return key.toLowerCase(Locale.ROOT);
    }
}
