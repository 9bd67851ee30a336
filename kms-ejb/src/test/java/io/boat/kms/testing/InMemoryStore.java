package io.boat.kms.testing;

import io.boat.kms.crypto.Rng;
import io.boat.kms.crypto.SecretBytes;
import io.boat.kms.store.KeySpec;
import io.boat.kms.store.SecretContext;
import io.boat.kms.store.SecretKind;
import io.boat.kms.store.SecretStore;
import io.boat.kms.store.StoreException;
import io.boat.kms.store.StoreMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A secret store in memory that remembers what it was asked, for unit tests of the services
 * that drive a store: how many objects were made, which still live, how many reads happened.
 * It plays the part of a KMIP server (each object has an id), not of the database store.
 */
public final class InMemoryStore implements SecretStore {

    public static final String NAME = "memory";

    private final Map<String, byte[]> objects = new LinkedHashMap<>();
    private final List<String> created = new ArrayList<>();
    private int reads;
    private SecretBytes lastRead;
    private boolean down;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized StoreMetadata generateSymmetricKey(KeySpec spec, SecretContext context) {
        return keep(Rng.bytes(spec.byteLength()));
    }

    @Override
    public synchronized StoreMetadata store(SecretBytes material, SecretKind kind, SecretContext context) {
        return keep(material.bytes());
    }

    @Override
    public synchronized SecretBytes get(StoreMetadata metadata, SecretContext context) {
        failIfDown();
        reads++;
        lastRead = SecretBytes.copyOf(objects.get(metadata.require("id")));
        return lastRead;
    }

    @Override
    public synchronized void delete(StoreMetadata metadata, SecretContext context) {
        failIfDown();
        objects.remove(metadata.require("id"));
    }

    /** From now on every call fails as an unreachable server does (503, retryable). */
    public synchronized void goDown() {
        down = true;
    }

    /** How many objects were ever made (generated or stored). */
    public synchronized int createdCount() {
        return created.size();
    }

    /** The ids of the objects that still exist. */
    public synchronized List<String> live() {
        return List.copyOf(objects.keySet());
    }

    public synchronized int reads() {
        return reads;
    }

    /** What the last {@link #get} handed out, to check whether its holder wiped it. */
    public synchronized SecretBytes lastRead() {
        return lastRead;
    }

    private StoreMetadata keep(byte[] material) {
        failIfDown();
        String id = String.valueOf(created.size() + 1);
        created.add(id);
        objects.put(id, material);
        return new StoreMetadata(NAME, Map.of("id", id));
    }

    private void failIfDown() {
        if (down) {
            throw StoreException.unavailable("in-memory store is down", null);
        }
    }
}
