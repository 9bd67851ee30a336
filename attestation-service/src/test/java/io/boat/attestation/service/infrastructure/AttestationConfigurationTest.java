package io.boat.attestation.service.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.boat.attestation.service.infrastructure.memory.InMemoryAttestationRepository;
import io.boat.attestation.service.testsupport.OtherCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up validation of the attestation configuration: each error names the property. */
class AttestationConfigurationTest {
    @TempDir
    Path dir;

    private AttestationConfiguration configuration(String ekCas) {
        AttestationConfiguration c = new AttestationConfiguration();
        c.repository = new InMemoryAttestationRepository();
        c.ekCaCertificates = Optional.ofNullable(ekCas);
        c.signingKeystore = Optional.empty();
        c.signingKeystorePassword = Optional.empty();
        c.signingAlias = "trust-reports";
        c.nonceLifetime = 60;
        c.trustLifetime = 600;
        c.maxOutstandingNonces = 4;
        c.noncesPerMinute = 60;
        c.adminTokenKey = Optional.empty();
        c.adminTokenIssuer = "boat";
        c.adminTokenRole = "admin";
        return c;
    }

    /** A PEM file with one CA certificate (unrelated to any TPM; only its readability matters here). */
    private Path caPemFile() throws Exception {
        X509Certificate ca = OtherCa.create(dir);
        return Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder().encodeToString(ca.getEncoded()) + "\n-----END CERTIFICATE-----\n");
    }

    @Test
    void onStart_ekCasNotSet_failsNamingTheProperty() {
        assertThatThrownBy(() -> configuration(null).onStart(new Object())).isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("boat.attestation.ek-ca-certificates is not set");
    }

    @Test
    void onStart_ekCaFileWithoutCertificate_failsNamingTheFile() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");

        assertThatThrownBy(() -> configuration(empty.toString()).onStart(new Object()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("boat.attestation.ek-ca-certificates: " + empty + " contains no certificate");
    }

    @Test
    void onStart_signingKeystoreMissing_failsNamingThePropertyAndFile() throws Exception {
        AttestationConfiguration c = configuration(caPemFile().toString());
        c.signingKeystore = Optional.of(dir.resolve("missing.p12").toString());

        assertThatThrownBy(() -> c.onStart(new Object())).isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("boat.attestation.signing.keystore: cannot load the RSA key 'trust-reports' from "
                + dir.resolve("missing.p12"));
    }

    @Test
    void onStart_validCaAndAdminKey_buildsServiceAndVerifier() throws Exception {
        AttestationConfiguration c = configuration(caPemFile().toString());
        c.adminTokenKey = Optional.of(Base64.getEncoder().encodeToString(
            new RSAKeyGenerator(2048).generate().toRSAPublicKey().getEncoded()));

        c.onStart(new Object());

        assertThat(c.adminTokenVerifier()).isPresent();
        assertThat(c.attestationService().verificationKeys()).contains("\"kty\":\"RSA\"");
    }

    @Test
    void rsaPublicKey_notAKey_failsNamingTheProperty() {
        assertThatThrownBy(() -> AttestationConfiguration.rsaPublicKey("not a key"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("boat.attestation.admin-token.public-key is not an RSA public key");
    }

    @Test
    void rsaPublicKey_pemFileAsTheKmsPublishesIt_isRead() throws Exception {
        var key = new RSAKeyGenerator(2048).generate().toRSAPublicKey();
        Path pem = Files.writeString(dir.resolve("kms.pem"), "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n");

        assertThat(AttestationConfiguration.rsaPublicKey(pem.toString()).getModulus()).isEqualTo(key.getModulus());
    }
}
