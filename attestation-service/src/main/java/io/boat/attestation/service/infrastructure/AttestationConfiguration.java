package io.boat.attestation.service.infrastructure;

import io.boat.attestation.service.application.AttestationService;
import io.boat.attestation.service.application.AttestationSettings;
import io.boat.attestation.service.application.TrustReportSigner;
import io.boat.attestation.service.domain.AttestationRepository;
import io.boat.attestation.service.verify.EkCertificateValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the attestation core from MicroProfile Config:
 * {@code boat.attestation.ek-ca-certificates} (comma-separated PEM files of trusted TPM CAs),
 * {@code boat.attestation.nonce-lifetime-seconds}, {@code boat.attestation.trust-lifetime-seconds},
 * {@code boat.attestation.signing.keystore|keystore-password|alias} (PKCS#12 RSA key signing trust reports).
 * One core instance (and one signing key) per application; it is handed out as a dependent bean
 * because the core is a plain final class.
 */
@ApplicationScoped
public class AttestationConfiguration {
    private static final Logger LOG = Logger.getLogger(AttestationConfiguration.class.getName());

    @Inject
    AttestationRepository repository;

    @Inject
    @ConfigProperty(name = "boat.attestation.ek-ca-certificates", defaultValue = "")
    String ekCaCertificates;

    @Inject
    @ConfigProperty(name = "boat.attestation.signing.keystore")
    java.util.Optional<String> signingKeystore;

    @Inject
    @ConfigProperty(name = "boat.attestation.signing.keystore-password")
    java.util.Optional<String> signingKeystorePassword;

    @Inject
    @ConfigProperty(name = "boat.attestation.signing.alias", defaultValue = "trust-reports")
    String signingAlias;

    @Inject
    @ConfigProperty(name = "boat.attestation.nonce-lifetime-seconds", defaultValue = "60")
    long nonceLifetime;

    @Inject
    @ConfigProperty(name = "boat.attestation.trust-lifetime-seconds", defaultValue = "600")
    long trustLifetime;

    private AttestationService service;

    @Produces
    synchronized AttestationService attestationService() {
        if (service == null) {
            service = create();
        }
        return service;
    }

    private AttestationService create() {
        AttestationSettings defaults = AttestationSettings.defaults();
        AttestationSettings settings = new AttestationSettings(Duration.ofSeconds(nonceLifetime),
            defaults.activationLifetime(), Duration.ofSeconds(trustLifetime), defaults.defaultPcrs());
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
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(in, pin);
            return new TrustReportSigner(com.nimbusds.jose.jwk.RSAKey.load(ks, signingAlias, pin));
        } catch (IOException | GeneralSecurityException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("cannot load trust-report signing key '" + signingAlias + "' from "
                + signingKeystore.get(), e);
        } finally {
            java.util.Arrays.fill(pin, ' ');
        }
    }

    private List<X509Certificate> loadCas() {
        List<X509Certificate> cas = new ArrayList<>();
        for (String file : ekCaCertificates.split(",")) {
            if (file.isBlank()) {
                continue;
            }
            try (InputStream in = Files.newInputStream(Path.of(file.strip()))) {
                CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .forEach(c -> cas.add((X509Certificate) c));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot read EK CA certificates from " + file, e);
            }
        }
        if (cas.isEmpty()) {
            LOG.warning("boat.attestation.ek-ca-certificates is empty: every enrollment will be refused");
        }
        LOG.info(() -> "trusting " + cas.size() + " EK CA certificate(s)");
        return cas;
    }
}
