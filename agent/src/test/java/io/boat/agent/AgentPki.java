package io.boat.agent;

import io.boat.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A test PKI for the agent's TLS options, as PEM files in one directory: {@code ca.pem}, the host's
 * {@code client.pem} (CN=compute-host-1) with its PKCS#8 {@code client.key} and the same key as PKCS#1
 * {@code client-pkcs1.key}, and {@code other-ca.pem} of an unrelated CA; plus HTTPS servers whose
 * certificate that CA issued for 127.0.0.1.
 */
public final class AgentPki {
    public static final String CLIENT_SUBJECT = "CN=compute-host-1";
    private final Path dir;
    private final TestPki.Issued ca;

    private AgentPki(Path dir, TestPki.Issued ca) {
        this.dir = dir;
        this.ca = ca;
    }

    public static AgentPki create(Path dir) throws Exception {
        TestPki.Issued ca = TestPki.ca("BOAT test CA");
        TestPki.Issued client = TestPki.client(ca, "compute-host-1");
        TestPki.writePem(dir.resolve("ca.pem"), ca.cert());
        TestPki.writePem(dir.resolve("client.pem"), client.cert());
        Files.writeString(dir.resolve("client.key"), pkcs8Pem(client.keys().getPrivate()));
        TestPki.writePem(dir.resolve("client-pkcs1.key"), client.keys().getPrivate());
        TestPki.writePem(dir.resolve("other-ca.pem"), TestPki.ca("Some other CA").cert());
        return new AgentPki(dir, ca);
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** An HTTPS server with a certificate for 127.0.0.1; {@code needClientAuth} requires one this CA issued. */
    public CannedHttpServer server(boolean needClientAuth) throws Exception {
        return CannedHttpServer.https(serverContext(TestPki.server(ca)), needClientAuth);
    }

    private static String pkcs8Pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    private SSLContext serverContext(TestPki.Issued cert) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", cert.keys().getPrivate(), new char[0], new Certificate[] {cert.cert(), ca.cert()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.cert());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }
}
