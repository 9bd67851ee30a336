package io.boat.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.boat.attestation.client.TrustReport;
import io.boat.attestation.client.TrustReportClaims;
import jakarta.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the attestation service that signs whatever trust report a test hands it, for the
 * refusals the real service never produces (it does not sign a report for a migratable or uncertified
 * bind key). It answers the two calls BOAT makes, as the real service does: {@code GET /v1/keys} (a JWK
 * set of its RSA key) and {@code GET /v1/trust-reports/{akName}} ({@code {"jws": ...}}, 404 for an AK it
 * was given no report for). JDK HTTP server on 127.0.0.1; reports are signed when served, so their
 * {@code iat} is the time of BOAT's request.
 */
final class ForgedAttestationService implements AutoCloseable {

    static final String KID = "forged-service-key";

    private final HttpServer server;
    private final RSAKey signingKey;
    /** A key of the right shape whose kid the key set does not list. */
    private final RSAKey unlistedKey;
    private final Map<String, Served> reports = new ConcurrentHashMap<>();
    private final AtomicInteger keySetRequests = new AtomicInteger();

    private record Served(TrustReport report, RSAKey key) {
    }

    private ForgedAttestationService() throws IOException, JOSEException {
        signingKey = new RSAKeyGenerator(2048).keyID(KID).generate();
        unlistedKey = new RSAKeyGenerator(2048).keyID("unlisted-" + UUID.randomUUID()).generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/keys", this::keys);
        server.createContext("/v1/trust-reports/", this::report);
        server.start();
    }

    static ForgedAttestationService start() throws IOException, JOSEException {
        return new ForgedAttestationService();
    }

    /** The base URL for BOAT's {@code attestation-service/mp-rest/url}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code report} for its AK, signed with the key the key set lists. */
    void serve(TrustReport report) {
        reports.put(report.getAkName(), new Served(report, signingKey));
    }

    /** Serves {@code report} for its AK, signed with a key whose kid the key set does not list. */
    void serveSignedByUnlistedKey(TrustReport report) {
        reports.put(report.getAkName(), new Served(report, unlistedKey));
    }

    /** How many times the key set was asked for. */
    int keySetRequests() {
        return keySetRequests.get();
    }

    /** A trusted report about {@code akName} with the bind-key evidence given (base64 TPM structures). */
    static TrustReport trustedReport(String akName, String hostGroup, String akPublic, String bindPublic,
                                     String certifyInfo, String certifySignature) {
        TrustReport r = new TrustReport();
        r.setAkName(akName);
        r.setHostId("forged-" + akName.substring(akName.length() - 8));
        r.setTrusted(true);
        r.setReasons(List.of());
        r.setHostGroup(hostGroup);
        r.setAkPublic(akPublic);
        r.setBindPublic(bindPublic);
        r.setBindCertifyInfo(certifyInfo);
        r.setBindCertifySignature(certifySignature);
        return r;
    }

    private void keys(HttpExchange exchange) throws IOException {
        keySetRequests.incrementAndGet();
        send(exchange, 200, new JWKSet(signingKey.toPublicJWK()).toString());
    }

    private void report(HttpExchange exchange) throws IOException {
        String ak = exchange.getRequestURI().getPath().substring("/v1/trust-reports/".length());
        Served served = reports.get(ak);
        if (served == null) {
            send(exchange, 404, "{\"code\":404,\"title\":\"Not Found\",\"description\":\"no host with AK " + ak + "\"}");
            return;
        }
        try {
            send(exchange, 200, Json.createObjectBuilder().add("jws", sign(served)).build().toString());
        } catch (JOSEException e) {
            send(exchange, 500, "{\"code\":500}");
        }
    }

    private static String sign(Served served) throws JOSEException {
        TrustReport r = served.report();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        r.setReportId(UUID.randomUUID().toString());
        r.setVerifiedAt(now);
        r.setExpiresAt(now.plus(Duration.ofMinutes(10)));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(served.key().getKeyID()).build(),
                TrustReportClaims.toClaims(r));
        jwt.sign(new RSASSASigner(served.key()));
        return jwt.serialize();
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
