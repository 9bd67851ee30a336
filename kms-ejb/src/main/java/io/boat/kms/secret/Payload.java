package io.boat.kms.secret;

import io.boat.kms.crypto.SecretBytes;

/** A secret's payload and the content type it was stored with; the caller closes it. */
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
