package io.boat.attestation.service.infrastructure;

import io.boat.attestation.service.application.AttestationService;
import io.boat.attestation.service.application.AttestationSettings;
import io.boat.attestation.service.application.TrustReportSigner;
import io.boat.attestation.service.domain.AttestationRepository;
import io.boat.attestation.service.verify.EkCertificateValidator;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the attestation core and the operator credentials from MicroProfile Config (every property is
 * listed in the README's attestation table) when the application starts: a configuration error (an
 * unreadable EK CA file, a wrong keystore password, a malformed key) fails the deployment with a
 * message naming the property, instead of surfacing as a 500 on the first request.
 */
@ApplicationScoped
public class AttestationConfiguration {
    private static final Logger LOG = Logger.getLogger(AttestationConfiguration.class.getName());
    static final String EK_CAS = "boat.attestation.ek-ca-certificates";
    static final String ADMIN_KEY = "boat.attestation.admin-token.public-key";

    @Inject
    AttestationRepository repository;

    @Inject
    @ConfigProperty(name = EK_CAS)
    Optional<String> ekCaCertificates;

    @Inject
    @ConfigProperty(name = "boat.attestation.signing.keystore")
    Optional<String> signingKeystore;

    @Inject
    @ConfigProperty(name = "boat.attestation.signing.keystore-password")
    Optional<String> signingKeystorePassword;

    @Inject
    @ConfigProperty(name = "boat.attestation.signing.alias", defaultValue = "trust-reports")
    String signingAlias;

    @Inject
    @ConfigProperty(name = "boat.attestation.nonce-lifetime-seconds", defaultValue = "60")
    long nonceLifetime;

    @Inject
    @ConfigProperty(name = "boat.attestation.trust-lifetime-seconds", defaultValue = "600")
    long trustLifetime;

    @Inject
    @ConfigProperty(name = "boat.attestation.max-outstanding-nonces", defaultValue = "4")
    int maxOutstandingNonces;

    @Inject
    @ConfigProperty(name = "boat.attestation.nonces-per-minute-per-source", defaultValue = "60")
    int noncesPerMinute;

    @Inject
    @ConfigProperty(name = ADMIN_KEY)
    Optional<String> adminTokenKey;

    @Inject
    @ConfigProperty(name = "boat.attestation.admin-token.issuer", defaultValue = "boat")
    String adminTokenIssuer;

    @Inject
    @ConfigProperty(name = "boat.attestation.admin-token.role", defaultValue = "admin")
    String adminTokenRole;

    private AttestationService service;
    private Optional<AdminTokenVerifier> adminTokens;

    /** Builds everything at start so that configuration errors stop the deployment. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            attestationService();
            adminTokenVerifier();
        } catch (IllegalStateException e) {
            LOG.severe("attestation service configuration error: " + e.getMessage());
            throw e;
        }
    }

    @Produces
    synchronized AttestationService attestationService() {
        if (service == null) {
            service = create();
        }
        return service;
    }

    /** Verifier of BOAT admin tokens; empty when {@value #ADMIN_KEY} is not set. */
    @Produces
    synchronized Optional<AdminTokenVerifier> adminTokenVerifier() {
        if (adminTokens == null) {
            adminTokens = adminTokenKey.filter(s -> !s.isBlank()).map(k -> new AdminTokenVerifier(
                rsaPublicKey(k), adminTokenIssuer, adminTokenRole, Clock.systemUTC()));
        }
        return adminTokens;
    }

    private AttestationService create() {
        AttestationSettings defaults = AttestationSettings.defaults();
        AttestationSettings settings = new AttestationSettings(Duration.ofSeconds(nonceLifetime),
            defaults.activationLifetime(), Duration.ofSeconds(trustLifetime), defaults.defaultPcrs(),
            maxOutstandingNonces, noncesPerMinute);
        return new AttestationService(repository, new EkCertificateValidator(loadCas()), signer(),
            settings, Clock.systemUTC(), new SecureRandom());
    }

    /** The PKCS#12 signing key shared by all instances when configured; otherwise one per instance. */
    private TrustReportSigner signer() {
        if (signingKeystore.isEmpty() || signingKeystore.get().isBlank()) {
            LOG.warning("boat.attestation.signing.keystore is not set: trust reports are signed with a per-instance key");
            return TrustReportSigner.ephemeral();
        }
        char[] pin = signingKeystorePassword.orElse("").toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(signingKeystore.get()))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pin);
            return new TrustReportSigner(RSAKey.load(ks, signingAlias, pin));
        } catch (IOException | GeneralSecurityException | JOSEException | RuntimeException e) {
            throw new IllegalStateException("boat.attestation.signing.keystore: cannot load the RSA key '" + signingAlias
                + "' from " + signingKeystore.get() + " (" + e + ")", e);
        } finally {
            Arrays.fill(pin, ' ');
        }
    }

    private List<X509Certificate> loadCas() {
        String files = ekCaCertificates.orElse("");
        if (files.isBlank()) {
            throw new IllegalStateException(EK_CAS + " is not set: name the PEM file(s) of the TPM manufacturers' "
                + "EK CA certificates, comma-separated (without them every enrollment would be refused)");
        }
        List<X509Certificate> cas = new ArrayList<>();
        for (String file : files.split(",")) {
            if (file.isBlank()) {
                continue;
            }
            Path path = Path.of(file.strip());
            try (InputStream in = Files.newInputStream(path)) {
                int before = cas.size();
                CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .forEach(c -> cas.add((X509Certificate) c));
                if (cas.size() == before) {
                    throw new IllegalStateException(EK_CAS + ": " + path + " contains no certificate");
                }
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(EK_CAS + ": cannot read EK CA certificates from " + path + " (" + e + ")", e);
            }
        }
        LOG.info(() -> "trusting " + cas.size() + " EK CA certificate(s)");
        return cas;
    }

    /** An RSA public key as PEM text, base64 DER, or the path of a PEM file (what the KMS publishes). */
    static RSAPublicKey rsaPublicKey(String value) {
        try {
            String text = value.strip();
            if (!text.startsWith("-----BEGIN") && Files.isRegularFile(Path.of(text))) {
                text = Files.readString(Path.of(text), StandardCharsets.US_ASCII);
            }
            String b64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(ADMIN_KEY + " is not an RSA public key (PEM, base64 DER or a PEM file): "
                + e.getClass().getSimpleName(), e);
        }
    }
}
