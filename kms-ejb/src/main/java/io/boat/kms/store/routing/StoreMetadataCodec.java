package io.boat.kms.store.routing;

import io.boat.kms.store.StoreException;
import io.boat.kms.store.StoreMetadata;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Store metadata to and from the one JSON text column it is persisted in. */
public final class StoreMetadataCodec {

    /** Looked up once: {@code Json.*} does a ServiceLoader lookup per call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private StoreMetadataCodec() {
    }

    public static String encode(StoreMetadata metadata) {
        JsonObjectBuilder values = JSON.createObjectBuilder();
        metadata.values().forEach(values::add);
        return JSON.createObjectBuilder().add("store", metadata.storeName()).add("values", values).build().toString();
    }

    public static StoreMetadata decode(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonObject o = reader.readObject();
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : o.getJsonObject("values").entrySet()) {
                values.put(e.getKey(), ((JsonString) e.getValue()).getString());
            }
            return new StoreMetadata(o.getString("store"), values);
        } catch (RuntimeException e) {
            throw new StoreException("unreadable store metadata: " + e.getClass().getSimpleName(),
                    "Secret storage is inconsistent.", e);
        }
    }
}
