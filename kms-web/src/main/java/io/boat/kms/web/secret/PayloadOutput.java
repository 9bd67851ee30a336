package io.boat.kms.web.secret;

import io.boat.kms.secret.Payload;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStream;

/**
 * A payload response body that owns its {@link Payload}: writes the material straight from the
 * secret's own bytes (no copy in a {@code byte[]} entity that outlives the response) and wipes
 * them once written, or once writing failed.
 */
final class PayloadOutput implements StreamingOutput {

    private final Payload payload;

    PayloadOutput(Payload payload) {
        this.payload = payload;
    }

    @Override
    public void write(OutputStream out) throws java.io.IOException {
        try (payload) {
            payload.bytes().writeTo(out);
        }
    }
}
