package io.boat.agent;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;

/**
 * A JDK HTTP(S) server on 127.0.0.1 that answers every request with one canned response and records
 * the requests, standing in for BOAT or the attestation service where a test checks what the agent sends
 * and how it reads an answer. Over HTTPS it can require a client certificate.
 */
public final class CannedHttpServer implements AutoCloseable {
    /** A request as received: method, path, headers, and the client certificate subject over mutual TLS. */
    public record Request(String method, String path, Headers headers, String clientSubject) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String contentType = "application/json";
    private volatile byte[] body = new byte[0];
    private final Map<String, byte[]> jsonByPathSuffix = new ConcurrentHashMap<>();

    private CannedHttpServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    public static CannedHttpServer http() throws IOException {
        return new CannedHttpServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** HTTPS with {@code context}'s server certificate; {@code needClientAuth} refuses clients without a trusted one. */
    public static CannedHttpServer https(SSLContext context, boolean needClientAuth) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                var p = context.getDefaultSSLParameters();
                p.setNeedClientAuth(needClientAuth);
                params.setSSLParameters(p);
            }
        });
        return new CannedHttpServer(s);
    }

    public void answer(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body.clone();
    }

    public void answerJson(int status, String json) {
        answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A 200 JSON answer for requests whose path ends with {@code pathSuffix}, ahead of the general answer. */
    public void answerJsonAt(String pathSuffix, String json) {
        jsonByPathSuffix.put(pathSuffix, json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code https://127.0.0.1:PORT} or {@code http://...}, no trailing slash. */
    public String baseUrl() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        String subject = null;
        if (ex instanceof com.sun.net.httpserver.HttpsExchange https) {
            SSLSession session = https.getSSLSession();
            try {
                subject = ((java.security.cert.X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName();
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                subject = null;
            }
        }
        ex.getRequestBody().readAllBytes();
        requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestHeaders(), subject));
        String path = ex.getRequestURI().getPath();
        byte[] special = jsonByPathSuffix.entrySet().stream().filter(e -> path.endsWith(e.getKey())).map(Map.Entry::getValue)
            .findFirst().orElse(null);
        byte[] b = special != null ? special : body;
        ex.getResponseHeaders().set("Content-Type", special != null ? "application/json" : contentType);
        ex.sendResponseHeaders(special != null ? 200 : status, b.length == 0 ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
