package io.boat.agent.service;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * BOAT's Barbican-compatible API as the image commands use it: a Keystone v3 token (password
 * method, or one the caller already holds), then a secret's payload. The token travels only in
 * the {@code X-Auth-Token} header and never appears in a message; payloads are capped so a
 * misbehaving server cannot exhaust memory.
 */
public final class KeyManagerClient {
    /** Far above any key (an AES-256 key is 32 bytes); the cap is about memory, not policy. */
    static final int MAX_PAYLOAD = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Names the host's AK (TPM name, hex) so BOAT wraps the key to that host's certified bind key. */
    public static final String AK_HEADER = "X-BOAT-AK-Name";
    private static final Pattern REASON = Pattern.compile("[a-z0-9_]{1,64}");
    private final HttpClient http;
    private final String token;

    private KeyManagerClient(HttpClient http, String token) {
        this.http = http;
        this.token = token;
    }

    public static KeyManagerClient withToken(String token, TlsFiles tls) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("empty token");
        }
        return new KeyManagerClient(tls.httpClient(), token);
    }

    /**
     * Gets a token with Keystone's password method ({@code POST AUTH_URL/auth/tokens}; AUTH_URL is
     * the identity v3 endpoint, {@code /v3} appended when missing), scoped to {@code project} if given.
     */
    public static KeyManagerClient withPassword(String authUrl, String user, String userDomain, char[] password,
                                                String project, String projectDomain, TlsFiles tls) {
        HttpClient http = tls.httpClient();
        String base = authUrl.endsWith("/") ? authUrl.substring(0, authUrl.length() - 1) : authUrl;
        URI tokens = URI.create((base.endsWith("/v3") ? base : base + "/v3") + "/auth/tokens");
        var identity = Json.createObjectBuilder().add("methods", Json.createArrayBuilder().add("password"))
            .add("password", Json.createObjectBuilder().add("user", Json.createObjectBuilder().add("name", user)
                .add("domain", Json.createObjectBuilder().add("name", userDomain)).add("password", new String(password))));
        var auth = Json.createObjectBuilder().add("identity", identity);
        if (project != null) {
            auth.add("scope", Json.createObjectBuilder().add("project", Json.createObjectBuilder().add("name", project)
                .add("domain", Json.createObjectBuilder().add("name", projectDomain))));
        }
        byte[] body = Json.createObjectBuilder().add("auth", auth).build().toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(tokens).timeout(TIMEOUT).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Answer r;
        try {
            r = new KeyManagerClient(http, null).send(req, tokens);
        } finally {
            // Only now: the publisher sends this very array, it does not copy it.
            Arrays.fill(body, (byte) 0);
        }
        String token = r.headers().firstValue("X-Subject-Token").orElse(null);
        if (r.status() != 201 || token == null) {
            throw failure("authentication at " + tokens, r);
        }
        return new KeyManagerClient(http, token);
    }

    /** The secret's raw bytes ({@code GET REF/payload}, {@code Accept: application/octet-stream}); the caller wipes them. */
    public byte[] payload(SecretRef secret) {
        HttpRequest req = HttpRequest.newBuilder(secret.payload()).timeout(TIMEOUT).header("X-Auth-Token", token)
            .header("Accept", "application/octet-stream").GET().build();
        Answer r = send(req, secret.payload());
        if (r.status() != 200) {
            throw failure("reading " + secret.payload(), r);
        }
        return r.body();
    }

    /**
     * The attested release of the secret ({@code GET REF/payload} naming this host's AK in
     * {@value #AK_HEADER}): the key wrapped to the host's TPM bind key, in the format {@code accept} asks for
     * ({@code application/jose} or {@code application/octet-stream}). The caller wipes the answer.
     */
    public byte[] release(SecretRef secret, String akName, String accept) {
        HttpRequest req = HttpRequest.newBuilder(secret.payload()).timeout(TIMEOUT).header("X-Auth-Token", token)
            .header(AK_HEADER, akName).header("Accept", accept).GET().build();
        Answer r = send(req, secret.payload());
        if (r.status() != 200) {
            throw failure("attested release of " + secret, r);
        }
        return r.body();
    }

    private Answer send(HttpRequest req, URI where) {
        try {
            HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] body = in.readNBytes(MAX_PAYLOAD + 1);
                if (body.length > MAX_PAYLOAD) {
                    Arrays.fill(body, (byte) 0);
                    throw new KeyManagerException(r.statusCode(), "too_large", where + " answered more than "
                        + MAX_PAYLOAD + " bytes");
                }
                return new Answer(r.statusCode(), r.headers(), body);
            }
        } catch (IOException e) {
            throw new KeyManagerException(0, "unreachable", where + " is unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyManagerException(0, "interrupted", "interrupted");
        }
    }

    /**
     * Barbican bodies are {code,title,description} (BOAT's release refusals add a stable "reason");
     * Keystone's are {error:{code,title,message}}.
     */
    private static KeyManagerException failure(String what, Answer r) {
        String detail = "HTTP " + r.status();
        String reason = null;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(r.body()))) {
            JsonObject o = reader.readObject();
            JsonObject e = o.containsKey("error") ? o.getJsonObject("error") : o;
            // Shown to the user: only a stable word is believed to be one.
            reason = e.getString("reason", null);
            reason = reason != null && REASON.matcher(reason).matches() ? reason : null;
            detail += (reason != null ? " (" + reason + ")" : "") + ": "
                + e.getString("description", e.getString("message", e.getString("title", "")));
        } catch (RuntimeException e) {
            // not JSON: the status is all we can report, and we never echo an unknown body
        }
        return new KeyManagerException(r.status(), "http_" + r.status(), reason, what + " failed: " + detail);
    }

    /** A response whose body has been read under the cap. */
    private record Answer(int status, HttpHeaders headers, byte[] body) {
    }
}
