package io.boat.kms.project;

import java.util.Objects;

/**
 * The project a caller's token is scoped to, and the project that owns a secret, an order or a
 * KEK, as it travels from the token through policy checks, services and stores. Entities and JSON
 * keep the plain text; this type starts at the token and stops at the entity.
 */
public record ProjectId(String value) {

    public ProjectId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("project id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
