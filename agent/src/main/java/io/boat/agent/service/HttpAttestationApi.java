package io.boat.agent.service;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** {@link AttestationApi} over HTTP/JSON ({@code BASE/v1/...}, BASE e.g. http://host:9312/attestation-service/api). */
public final class HttpAttestationApi implements AttestationApi {
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private final URI base;
    private final HttpClient http;

    public HttpAttestationApi(String baseUrl) {
        this(baseUrl, TlsFiles.NONE);
    }

    public HttpAttestationApi(String baseUrl, TlsFiles tls) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.http = tls.httpClient();
    }

    @Override
    public EnrollChallenge enroll(byte[] ekPublic, byte[] ekCertificate, byte[] akPublic, String hostname) {
        JsonObjectBuilder b = Json.createObjectBuilder()
            .add("ekPublic", B64.encodeToString(ekPublic))
            .add("akPublic", B64.encodeToString(akPublic))
            .add("hostname", hostname);
        if (ekCertificate != null) {
            b.add("ekCertificate", B64.encodeToString(ekCertificate));
        }
        JsonObject r = call("POST", "v1/enrollments", b.build());
        return new EnrollChallenge(r.getString("hostId"), r.getString("akName"),
            B64D.decode(r.getString("credentialBlob")), B64D.decode(r.getString("encryptedSecret")));
    }

    @Override
    public void activate(String hostId, byte[] secret) {
        call("POST", "v1/enrollments/" + hostId + "/activation",
            Json.createObjectBuilder().add("secret", B64.encodeToString(secret)).build());
    }

    @Override
    public String registerBindKey(String akName, byte[] nonce, byte[] bindPublic, byte[] certifyInfo, byte[] signature) {
        JsonObject r = call("PUT", "v1/hosts/" + akName + "/bind-key", Json.createObjectBuilder()
            .add("nonce", HexFormat.of().formatHex(nonce))
            .add("bindPublic", B64.encodeToString(bindPublic))
            .add("certifyInfo", B64.encodeToString(certifyInfo))
            .add("signature", B64.encodeToString(signature)).build());
        return r.getString("bindKeyName");
    }

    @Override
    public Challenge challenge(String akName) {
        JsonObject r = call("POST", "v1/hosts/" + akName + "/challenges", JsonValue.EMPTY_JSON_OBJECT);
        List<Integer> pcrs = new ArrayList<>();
        r.getJsonArray("pcrs").forEach(v -> pcrs.add(((jakarta.json.JsonNumber) v).intValue()));
        return new Challenge(HexFormat.of().parseHex(r.getString("nonce")), pcrs);
    }

    @Override
    public Verdict submitQuote(String akName, byte[] nonce, byte[] attest, byte[] signature,
                               SortedMap<Integer, byte[]> pcrs) {
        JsonObjectBuilder values = Json.createObjectBuilder();
        for (Map.Entry<Integer, byte[]> e : pcrs.entrySet()) {
            values.add(Integer.toString(e.getKey()), HexFormat.of().formatHex(e.getValue()));
        }
        JsonObject r = call("POST", "v1/hosts/" + akName + "/quotes", Json.createObjectBuilder()
            .add("nonce", HexFormat.of().formatHex(nonce))
            .add("attest", B64.encodeToString(attest))
            .add("signature", B64.encodeToString(signature))
            .add("pcrs", values).build());
        JsonObject report = r.getJsonObject("report");
        List<String> reasons = new ArrayList<>();
        report.getJsonArray("reasons").forEach(v -> reasons.add(((jakarta.json.JsonString) v).getString()));
        return new Verdict(report.getBoolean("trusted"), reasons, report.getString("expiresAt", null), r.getString("jws"));
    }

    private JsonObject call(String method, String path, JsonObject body) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json").header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceException(0, "unreachable", "attestation service at " + base + " is unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(0, "interrupted", "interrupted");
        }
        JsonObject json = parse(resp.body());
        if (resp.statusCode() / 100 != 2) {
            throw new ServiceException(resp.statusCode(), json.getString("code", "http_" + resp.statusCode()),
                json.getString("description", "HTTP " + resp.statusCode()));
        }
        return json;
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
