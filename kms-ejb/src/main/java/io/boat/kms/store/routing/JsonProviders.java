package io.boat.kms.store.routing;

import jakarta.json.spi.JsonProvider;

/** The JSON-P provider, looked up once ({@code Json.*} does a ServiceLoader lookup per call). */
final class JsonProviders {

    static final JsonProvider JSON = JsonProvider.provider();

    private JsonProviders() {
    }
}
