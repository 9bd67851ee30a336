package io.boat.kms.store;

import jakarta.json.spi.JsonProvider;

/** The JSON-P provider, looked up once ({@code Json.*} does a ServiceLoader lookup per call). */
final class Jsons {

    static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {
    }
}
