package io.boat.attestation.service.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.boat.attestation.client.TrustReport;
import org.junit.jupiter.api.Test;

/** The per-instance key, now generated off the deployment thread, still signs what its key set verifies. */
class TrustReportSignerTest {

    @Test
    void ephemeralSignerSignsWithTheKeyItPublishes() throws Exception {
        TrustReportSigner signer = TrustReportSigner.ephemeral();
        TrustReport report = new TrustReport();
        report.setAkName("000b" + "ab".repeat(32));
        report.setTrusted(true);

        SignedJWT jwt = SignedJWT.parse(signer.sign(report));
        RSAKey published = (RSAKey) JWKSet.parse(signer.publicJwkSet()).getKeys().get(0);

        assertThat(published.isPrivate()).isFalse();
        assertThat(published.getModulus().decodeToBigInteger().bitLength()).isEqualTo(2048);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(published.getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(report.getAkName());
        assertThat(jwt.getJWTClaimsSet().getBooleanClaim("trusted")).isTrue();
    }

    @Test
    void everyInstanceHasItsOwnKeyAndKeepsIt() throws Exception {
        TrustReportSigner a = TrustReportSigner.ephemeral();
        TrustReportSigner b = TrustReportSigner.ephemeral();

        assertThat(a.publicJwkSet()).isNotEqualTo(b.publicJwkSet());
        assertThat(a.publicJwkSet()).isEqualTo(a.publicJwkSet());
    }
}
