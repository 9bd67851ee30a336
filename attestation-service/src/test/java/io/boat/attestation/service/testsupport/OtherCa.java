package io.boat.attestation.service.testsupport;

import io.boat.testing.Swtpm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;

/** A CA certificate unrelated to the swtpm's EK issuer, made with the JDK's keytool. */
public final class OtherCa {
    private OtherCa() {
    }

    public static X509Certificate create(Path dir) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path ks = dir.resolve("other-ca.p12");
        Path cer = dir.resolve("other-ca.cer");
        Swtpm.run(dir, Map.of(), keytool, "-genkeypair", "-keystore", ks.toString(), "-storepass", "changeit",
            "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Unknown TPM CA", "-ext", "bc:c",
            "-validity", "30");
        Swtpm.run(dir, Map.of(), keytool, "-exportcert", "-keystore", ks.toString(), "-storepass", "changeit",
            "-alias", "ca", "-file", cer.toString());
        try (var in = Files.newInputStream(cer)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
