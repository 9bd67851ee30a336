package io.boat.agent.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The agent's TLS settings for its HTTP clients (BOAT and the attestation service): a PEM CA bundle to
 * trust instead of the JDK's default trust store, and a PEM client certificate chain with its PKCS#8
 * private key for mutual TLS. Server host names are always verified (the JDK client's default).
 */
public record TlsFiles(Path caBundle, Path clientCertificate, Path clientKey) {
    /** The JDK's default trust store, no client certificate. */
    public static final TlsFiles NONE = new TlsFiles(null, null, null);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern PKCS8 = Pattern.compile(
        "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    public TlsFiles {
        if ((clientCertificate == null) != (clientKey == null)) {
            throw new IllegalArgumentException("a client certificate needs its key and a key its certificate: give both "
                + "--cert and --key (or BOAT_CERT and BOAT_KEY)");
        }
    }

    /** An HTTP client with these settings and the agent's connect timeout. */
    public HttpClient httpClient() {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (caBundle != null || clientCertificate != null) {
            b.sslContext(sslContext());
        }
        return b.build();
    }

    SSLContext sslContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(clientCertificate == null ? null : keyManagers(), caBundle == null ? null : trustManagers(),
                new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private javax.net.ssl.TrustManager[] trustManagers() throws GeneralSecurityException {
        Collection<? extends Certificate> cas = certificates(caBundle, "CA bundle");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        load(ks);
        int i = 0;
        for (Certificate c : cas) {
            ks.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    private javax.net.ssl.KeyManager[] keyManagers() throws GeneralSecurityException {
        List<? extends Certificate> chain = List.copyOf(certificates(clientCertificate, "client certificate"));
        PrivateKey key = privateKey(clientKey, chain.get(0).getPublicKey().getAlgorithm());
        // The store lives only in memory; its password protects nothing, so it is empty.
        char[] none = new char[0];
        KeyStore ks = KeyStore.getInstance("PKCS12");
        load(ks);
        ks.setKeyEntry("client", key, none, chain.toArray(Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, none);
        return kmf.getKeyManagers();
    }

    private static Collection<? extends Certificate> certificates(Path pem, String what) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException(what + " " + pem + " holds no PEM certificate");
            }
            return certs;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + pem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(what + " " + pem + " is not PEM X.509: " + e.getMessage(), e);
        }
    }

    /** A PKCS#8 PEM key of the certificate's algorithm (RSA or EC); the message never shows the key. */
    private static PrivateKey privateKey(Path pem, String algorithm) {
        byte[] der = null;
        try {
            Matcher m = PKCS8.matcher(Files.readString(pem, StandardCharsets.US_ASCII));
            if (!m.find()) {
                throw new IllegalArgumentException("client key " + pem + " is not an unencrypted PKCS#8 PEM key "
                    + "(BEGIN PRIVATE KEY); convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
            }
            der = Base64.getMimeDecoder().decode(m.group(1));
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read client key " + pem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("client key " + pem + " is not a " + algorithm
                + " PKCS#8 key (the client certificate's key algorithm)", e);
        } finally {
            if (der != null) {
                Arrays.fill(der, (byte) 0);
            }
        }
    }

    private static void load(KeyStore ks) throws GeneralSecurityException {
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
