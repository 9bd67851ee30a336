package io.boat.kms.secret;

import io.boat.kms.crypto.SecretBytes;

/**
 * A secret's payload and the content type to answer with (the one it was stored with, as the
 * client's {@link AcceptedTypes} put it); the caller closes it.
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
