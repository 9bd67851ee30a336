package io.boat.agent.image;

import io.boat.agent.service.KeyManagerClient;
import io.boat.agent.service.SecretRef;

/** The ordinary Barbican payload read ({@code GET REF/payload}) with the caller's token: what an owner does. */
public final class PayloadKeySource implements KeySource {
    private final KeyManagerClient client;

    public PayloadKeySource(KeyManagerClient client) {
        this.client = client;
    }

    @Override
    public ImageKey fetch(SecretRef secret) {
        return ImageKey.takeFrom(client.payload(secret));
    }
}
