package io.boat.kms.web.secret;

import io.boat.kms.secret.SecretView;
import io.boat.kms.web.support.Links;
import static io.boat.kms.web.support.CachedJsonProvider.JSON;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.UriInfo;

/** A secret's metadata in Barbican's JSON shape (nulls written, as Barbican does). */
final class SecretJson {

    private SecretJson() {
    }

    static JsonObject of(SecretView s, UriInfo uri) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("created", Links.time(s.created()))
                .add("updated", Links.time(s.updated()))
                .add("status", s.status());
        nullable(b, "name", s.name());
        b.add("secret_type", s.secretType());
        nullable(b, "expiration", Links.time(s.expiration()));
        nullable(b, "algorithm", s.algorithm());
        if (s.bitLength() == null) {
            b.addNull("bit_length");
        } else {
            b.add("bit_length", s.bitLength());
        }
        nullable(b, "mode", s.mode());
        nullable(b, "creator_id", s.creatorId());
        if (s.contentType() == null) {
            b.add("content_types", JsonObject.EMPTY_JSON_OBJECT);
        } else {
            b.add("content_types", JSON.createObjectBuilder().add("default", s.contentType()));
        }
        return b.add("secret_ref", Links.secret(uri, s.id())).build();
    }

    static void nullable(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}
