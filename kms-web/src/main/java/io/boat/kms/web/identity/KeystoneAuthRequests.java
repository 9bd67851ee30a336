package io.boat.kms.web.identity;

import io.boat.kms.InvalidRequestException;
import io.boat.kms.KmsException;
import io.boat.kms.identity.Identity;
import io.boat.kms.identity.IdentityService;
import io.boat.kms.identity.TokenService;
import io.boat.kms.identity.lockout.LoginGuard;
import io.boat.kms.web.support.RequestBodies;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.Arrays;

/** Reads Keystone v3 {@code auth} bodies (password and token methods, project scope). */
final class KeystoneAuthRequests {

    private KeystoneAuthRequests() {
    }

    static Identity.Authentication authenticate(JsonObject auth, IdentityService identity, LoginGuard guard,
                                                TokenService tokens, String source) {
        JsonObject id = object(auth, "identity", "auth");
        JsonArray methods = id.containsKey("methods") && id.get("methods").getValueType() == JsonValue.ValueType.ARRAY
                ? id.getJsonArray("methods") : null;
        if (methods == null || methods.isEmpty()) {
            throw missing("methods", "identity");
        }
        IdentityService.ProjectRef scope = scope(auth);
        String method = string(methods.get(0), "methods");
        if ("password".equals(method)) {
            JsonObject user = object(object(id, "password", "identity"), "user", "password");
            char[] password = text(user, "password", "user").toCharArray();
            try {
                return guard.password(userRef(user), password, scope, source);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        if ("token".equals(method)) {
            String token = text(object(id, "token", "identity"), "id", "token");
            return identity.authenticateToken(tokens.verify(token), scope);
        }
        throw KmsException.unauthorized();
    }

    private static IdentityService.UserRef userRef(JsonObject user) {
        JsonObject domain = optionalObject(user, "domain");
        return new IdentityService.UserRef(optional(user, "id"), optional(user, "name"),
                domain == null ? null : optional(domain, "id"), domain == null ? null : optional(domain, "name"));
    }

    private static IdentityService.ProjectRef scope(JsonObject auth) {
        JsonObject scope = optionalObject(auth, "scope");
        if (scope == null) {
            return null;
        }
        JsonObject system = optionalObject(scope, "system");
        if (system != null && system.get("all") == JsonValue.TRUE) {
            return IdentityService.ProjectRef.SYSTEM;
        }
        JsonObject project = optionalObject(scope, "project");
        if (project == null) {
            throw KmsException.unauthorized(); // domain scope is not offered
        }
        JsonObject domain = optionalObject(project, "domain");
        return new IdentityService.ProjectRef(optional(project, "id"), optional(project, "name"),
                domain == null ? null : optional(domain, "id"), domain == null ? null : optional(domain, "name"));
    }

    /** The named top-level object of a Keystone request body ({@code {"user": {...}}}), or 400. */
    static JsonObject section(InputStream body, String name, int maxBytes) {
        return object(RequestBodies.object(RequestBodies.read(body, maxBytes)), name, "the request body");
    }

    static JsonObject object(JsonObject parent, String name, String parentName) {
        JsonObject o = parent == null ? null : optionalObject(parent, name);
        if (o == null) {
            throw missing(name, parentName);
        }
        return o;
    }

    static JsonObject optionalObject(JsonObject parent, String name) {
        JsonValue v = parent.get(name);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
    }

    static String optional(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return string(v, name);
    }

    static String text(JsonObject o, String name, String parentName) {
        String s = optional(o, name);
        if (s == null) {
            throw missing(name, parentName);
        }
        return s;
    }

    private static String string(JsonValue v, String name) {
        if (v.getValueType() != JsonValue.ValueType.STRING || ((JsonString) v).getString().length() > 4096) {
            throw new InvalidRequestException("Invalid input for field '" + name + "': a string is required.");
        }
        return ((JsonString) v).getString();
    }

    static KmsException missing(String name, String parent) {
        return new InvalidRequestException("Expecting to find " + name + " in " + parent
                + ". The server could not comply with the request since it is either malformed or otherwise incorrect."
                + " The client is assumed to be in error.");
    }
}
