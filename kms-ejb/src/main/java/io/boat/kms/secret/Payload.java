package io.boat.kms.secret;

import io.boat.kms.crypto.SecretBytes;

/**
 * A secret's payload and its content type (on the way out, the type to answer with, as the
 * client's {@link AcceptedTypes} put it); whoever holds it closes it.
 */
public record Payload(String contentType, SecretBytes bytes) implements AutoCloseable {

    @Override
    public void close() {
        bytes.close();
    }

    @Override
    public String toString() {
        return "Payload[" + contentType + ", redacted]";
    }
}
