package io.boat.kmip.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the mutual-TLS context from a key store (client certificate) and a trust store (server CA). */
public final class TlsContexts {

    private TlsContexts() {
    }

    public static SSLContext mutualTls(Path keyStore, String keyStoreType, char[] keyStorePassword,
                                       Path trustStore, String trustStoreType, char[] trustStorePassword)
            throws IOException, GeneralSecurityException {
        KeyStore ks = load(keyStore, keyStoreType, keyStorePassword);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, keyStorePassword);
        KeyStore ts = load(trustStore, trustStoreType, trustStorePassword);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }

    private static KeyStore load(Path path, String type, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(path)) {
            ks.load(in, password);
        }
        return ks;
    }
}
