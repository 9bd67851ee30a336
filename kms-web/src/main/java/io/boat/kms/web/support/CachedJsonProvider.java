package io.boat.kms.web.support;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider. {@code jakarta.json.Json}'s static methods look the provider up
 * through ServiceLoader on every call — a class-path scan per request under load — so all JSON
 * goes through this instance instead.
 */
public final class CachedJsonProvider {

    public static final JsonProvider JSON = JsonProvider.provider();

    private CachedJsonProvider() {
    }
}
