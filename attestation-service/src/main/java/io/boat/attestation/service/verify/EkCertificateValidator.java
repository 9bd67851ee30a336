package io.boat.attestation.service.verify;

import io.boat.attestation.client.tpm.TpmAlg;
import io.boat.attestation.client.tpm.TpmFormatException;
import io.boat.attestation.client.tpm.TpmPublic;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates an EK certificate (as read from NV index 0x01C00002) against configured TPM
 * manufacturer CA certificates, and checks that it certifies the presented EK public area.
 */
public final class EkCertificateValidator {
    private final Set<TrustAnchor> anchors = new HashSet<>();

    /** @param caCertificates trusted CA certificates (roots or intermediates); each is a trust anchor */
    public EkCertificateValidator(Collection<X509Certificate> caCertificates) {
        caCertificates.forEach(c -> anchors.add(new TrustAnchor(c, null)));
    }

    public TpmPublic validate(byte[] ekCertificateDer, byte[] ekPublic) throws EvidenceRejectedException {
        if (anchors.isEmpty()) {
            throw new EvidenceRejectedException("no EK CA certificates are configured");
        }
        TpmPublic ek;
        try {
            ek = TpmPublic.parse(ekPublic);
        } catch (TpmFormatException e) {
            throw new EvidenceRejectedException("malformed EK public area: " + e.getMessage());
        }
        X509Certificate cert = parse(ekCertificateDer);
        try {
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(List.of(cert)), params);
        } catch (GeneralSecurityException e) {
            throw new EvidenceRejectedException("EK certificate is not issued by a trusted TPM CA");
        }
        if (!(cert.getPublicKey() instanceof RSAPublicKey rsa) || !ek.sameKeyAs(rsa)) {
            throw new EvidenceRejectedException("EK certificate does not certify the presented EK");
        }
        if (ek.symmetricAlg() != TpmAlg.AES || ek.symmetricMode() != TpmAlg.CFB || ek.nameAlg() != TpmAlg.SHA256) {
            throw new EvidenceRejectedException("EK must use name algorithm SHA-256 and AES-CFB (TCG template L-1)");
        }
        return ek;
    }

    /** Parses a DER certificate, ignoring the zero padding an NV index may add after it. */
    public static X509Certificate parse(byte[] der) throws EvidenceRejectedException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new EvidenceRejectedException("EK certificate is not a DER X.509 certificate");
        }
    }
}
