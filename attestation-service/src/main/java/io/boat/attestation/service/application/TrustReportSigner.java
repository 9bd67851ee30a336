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
import io.boat.attestation.client.TrustReportClaims;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Signs trust reports as JWTs (RS256) so relying parties can check them offline with the key from
 * {@link #publicJwkSet()}. Claims ({@link TrustReportClaims}): jti = reportId, sub = AK name, iat = verifiedAt,
 * exp = expiresAt, plus the report fields.
 */
public final class TrustReportSigner {
    private final CompletableFuture<RSAKey> key;

    public TrustReportSigner(RSAKey key) {
        this.key = CompletableFuture.completedFuture(key);
    }

    private TrustReportSigner(CompletableFuture<RSAKey> key) {
        this.key = key;
    }

    /**
     * A signer with a fresh RSA-2048 key (one per service instance; configure a shared key for clusters).
     * The key is generated on a thread of its own: the search for two primes took seconds of the WAR's
     * deployment on a loaded machine, and nothing needs the key before the first report or key-set request.
     */
    public static TrustReportSigner ephemeral() {
        return new TrustReportSigner(CompletableFuture.supplyAsync(TrustReportSigner::generate, task -> {
            Thread t = new Thread(task, "boat-trust-report-key");
            t.setDaemon(true);
            t.start();
        }));
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private RSAKey key() {
        try {
            return key.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IllegalStateException ise ? ise : new IllegalStateException(e.getCause());
        }
    }

    public String sign(TrustReport r) {
        JWTClaimsSet claims = TrustReportClaims.toClaims(r);
        try {
            RSAKey k = key();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k.getKeyID()).build(),
                claims);
            jwt.sign(new RSASSASigner(k));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The verification key(s) as a public JWK set, JSON. */
    public String publicJwkSet() {
        return new JWKSet(key().toPublicJWK()).toString(true);
    }
}
