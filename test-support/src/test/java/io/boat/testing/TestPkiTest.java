package io.boat.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiTest {

    @TempDir
    Path dir;

    @Test
    void tlsFiles_serverAndClientChainToTheCa_untrustedClientDoesNot() throws Exception {
        TestPki.TlsFiles f = TestPki.tlsFiles(dir);
        X509Certificate ca = pem(f.caPem());

        validate(pem(f.serverPem()), ca);
        validate(pem(f.clientPem()), ca);
        assertThatThrownBy(() -> validate(pem(f.untrustedClientPem()), ca))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void tlsFiles_serverCertificateNamesLoopback_andKeyStoresHoldTheLeafUnderItsAlias() throws Exception {
        TestPki.TlsFiles f = TestPki.tlsFiles(dir);

        List<Object> names = pem(f.serverPem()).getSubjectAlternativeNames().stream()
                .map(san -> (Object) san.get(1)).toList();
        assertThat(names).containsExactlyInAnyOrder("127.0.0.1", "localhost");
        assertThat(keyStore(f.serverKeyStore()).isKeyEntry("server")).isTrue();
        assertThat(keyStore(f.clientKeyStore()).getCertificate("client")).isEqualTo(pem(f.clientPem()));
        assertThat(keyStore(f.trustStore()).getCertificate("ca")).isEqualTo(pem(f.caPem()));
        assertThat(Files.readString(f.serverKey())).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    }

    private static void validate(X509Certificate leaf, X509Certificate ca) throws Exception {
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), params);
    }

    private static X509Certificate pem(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static KeyStore keyStore(Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, TestPki.PASSWORD.toCharArray());
        }
        return ks;
    }
}
