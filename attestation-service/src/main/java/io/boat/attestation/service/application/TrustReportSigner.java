package io.boat.attestation.service.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.boat.attestation.client.TrustReport;
import java.util.Date;

/**
 * Signs trust reports as JWTs (RS256) so relying parties can check them offline with the key from
 * {@link #publicJwkSet()}. Claims: sub = AK name, iat = verifiedAt, exp = expiresAt, plus the report fields.
 */
public final class TrustReportSigner {
    private final RSAKey key;

    public TrustReportSigner(RSAKey key) {
        this.key = key;
    }

    /** A signer with a fresh RSA-2048 key (one per service instance; configure a shared key for clusters). */
    public static TrustReportSigner ephemeral() {
        try {
            return new TrustReportSigner(new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
                .keyIDFromThumbprint(true).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sign(TrustReport r) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
            .issuer("boat-attestation-service")
            .subject(r.getAkName())
            .claim("hostId", r.getHostId())
            .claim("trusted", r.isTrusted())
            .claim("reasons", r.getReasons())
            .claim("bindPublicKey", r.getBindPublicKey())
            .claim("bindKeyName", r.getBindKeyName())
            .claim("location", r.getLocation())
            .claim("assetTag", r.getAssetTag())
            .claim("hostGroup", r.getHostGroup())
            .claim("policyVersion", r.getPolicyVersion());
        if (r.getVerifiedAt() != null) {
            claims.issueTime(Date.from(r.getVerifiedAt().toInstant()));
        }
        if (r.getExpiresAt() != null) {
            claims.expirationTime(Date.from(r.getExpiresAt().toInstant()));
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The verification key(s) as a public JWK set, JSON. */
    public String publicJwkSet() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }
}
