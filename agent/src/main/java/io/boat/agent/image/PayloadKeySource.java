package io.boat.agent.image;

import io.boat.agent.service.KeyManagerClient;
import io.boat.agent.service.SecretRef;
import java.util.Arrays;

/** The ordinary Barbican payload read ({@code GET REF/payload}) with the caller's token: what an owner does. */
public final class PayloadKeySource implements KeySource {
    private final KeyManagerClient client;

    public PayloadKeySource(KeyManagerClient client) {
        this.client = client;
    }

    @Override
    public ImageKey fetch(SecretRef secret) {
        byte[] payload = client.payload(secret);
        try {
            return ImageKey.copyOf(payload);
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }
}
