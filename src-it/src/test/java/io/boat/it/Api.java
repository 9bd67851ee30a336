package io.boat.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client for BOAT, as curl would use it: methods, headers, bodies, nothing hidden. */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final HttpClient client;
    private final Map<String, String> defaults = new LinkedHashMap<>();

    Api(String base) {
        this(base, CLIENT);
    }

    /** An API client sending through {@code client} (e.g. one trusting a test CA, for HTTPS). */
    Api(String base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    public String base() {
        return base;
    }

    /** A copy sending {@code X-Auth-Token: token} on every request. */
    public Api withToken(String token) {
        Api a = new Api(base, client);
        a.defaults.putAll(defaults);
        a.defaults.put("X-Auth-Token", token);
        return a;
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    public Response postJson(String path, String json, String... headers) {
        return send("POST", path, json.getBytes(StandardCharsets.UTF_8), with(headers, "Content-Type", "application/json"));
    }

    public Response putJson(String path, String json, String... headers) {
        return send("PUT", path, json.getBytes(StandardCharsets.UTF_8), with(headers, "Content-Type", "application/json"));
    }

    public Response send(String method, String path, byte[] body, String... headers) {
        String url = path.startsWith("http") ? path : base + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        defaults.forEach(b::header);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Scoped token for a user in a project, via Keystone v3 password auth. */
    public String token(String user, String password, String project) {
        Response r = postJson("/v3/auth/tokens", passwordAuth(user, password, project));
        if (r.status() != 201) {
            throw new IllegalStateException("token for " + user + " failed: " + r.status() + " " + r.text());
        }
        return r.header("X-Subject-Token");
    }

    public static String passwordAuth(String user, String password, String project) {
        var auth = Json.createObjectBuilder().add("identity", Json.createObjectBuilder()
                .add("methods", Json.createArrayBuilder().add("password"))
                .add("password", Json.createObjectBuilder().add("user", Json.createObjectBuilder()
                        .add("name", user).add("domain", Json.createObjectBuilder().add("name", "Default"))
                        .add("password", password))));
        if (project != null) {
            auth.add("scope", Json.createObjectBuilder().add("project", Json.createObjectBuilder()
                    .add("name", project).add("domain", Json.createObjectBuilder().add("name", "Default"))));
        }
        return Json.createObjectBuilder().add("auth", auth).build().toString();
    }

    private static String[] with(String[] headers, String name, String value) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return headers;
            }
        }
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }

    /** A response: status, headers (case-insensitive lookup), raw body. */
    public record Response(int status, Map<String, java.util.List<String>> headers, byte[] body) {

        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonObject json() {
            return Json.createReader(new StringReader(text())).readObject();
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
