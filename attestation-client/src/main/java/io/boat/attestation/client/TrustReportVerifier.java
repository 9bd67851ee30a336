package io.boat.attestation.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Checks a trust report's compact JWS the way the attestation service signs it (RS256, {@code kid}
 * naming a key of its JWK set, issuer {@value TrustReportClaims#ISSUER}) and returns the report as the
 * signed claims state it, never the unsigned JSON next to them.
 *
 * <p>Security guarantees: only RS256 is accepted, so neither {@code alg: none} nor an HMAC keyed with
 * the public key passes; the key is chosen by {@code kid} from the configured set only, and must be an
 * RSA key of at least 2048 bits. With a fetched set, an unknown {@code kid} causes one re-fetch (the
 * service rotated its key), at most once per {@code minRefetchInterval} whatever the number of bad
 * reports, so forged {@code kid}s cannot turn BOAT into a load generator against the service.
 * Thread-safe.
 */
public final class TrustReportVerifier {
    /** Far above a report with 4096-bit public areas (about 6 KiB); refused before parsing. */
    private static final int MAX_JWS_CHARS = 64 * 1024;
    private static final int MIN_RSA_BITS = 2048;

    private final Supplier<String> keySetSource;
    private final Duration minRefetchInterval;
    private final Clock clock;
    private final Object fetchLock = new Object();
    private volatile JWKSet keys;
    /** When an unknown kid last caused a fetch; guarded by fetchLock; null before the first such fetch. */
    private Instant lastRefetch;

    private TrustReportVerifier(JWKSet pinned, Supplier<String> keySetSource, Duration minRefetchInterval, Clock clock) {
        this.keys = pinned;
        this.keySetSource = keySetSource;
        this.minRefetchInterval = minRefetchInterval;
        this.clock = clock;
    }

    /** Verifies against a JWK set fixed in configuration (JSON text); never asks the service for keys. */
    public static TrustReportVerifier pinned(String jwkSetJson) throws ParseException {
        JWKSet set = JWKSet.parse(jwkSetJson);
        if (set.getKeys().isEmpty()) {
            throw new ParseException("the pinned JWK set holds no keys", 0);
        }
        return new TrustReportVerifier(set.toPublicJWKSet(), null, Duration.ZERO, Clock.systemUTC());
    }

    /**
     * Verifies against the set {@code keySetSource} returns (e.g. the service's GET /v1/keys), fetched on
     * first use and again when a report names an unknown {@code kid}, at most once per {@code minRefetchInterval}.
     * The source may throw; that surfaces as a {@link ReportSignatureException}.
     */
    public static TrustReportVerifier fetching(Supplier<String> keySetSource, Duration minRefetchInterval, Clock clock) {
        return new TrustReportVerifier(null, Objects.requireNonNull(keySetSource), minRefetchInterval, clock);
    }

    /** The report the JWS signs, after every check above. */
    public TrustReport verify(String compactJws) throws ReportSignatureException {
        if (compactJws == null || compactJws.length() > MAX_JWS_CHARS) {
            throw new ReportSignatureException("trust report JWS is missing or longer than " + MAX_JWS_CHARS + " characters");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(compactJws);
        } catch (ParseException e) {
            throw new ReportSignatureException("trust report is not a compact JWS: " + e.getMessage());
        }
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!JWSAlgorithm.RS256.equals(alg)) {
            throw new ReportSignatureException("trust report is signed with " + alg + ", not RS256");
        }
        RSAKey key = key(jwt.getHeader().getKeyID());
        try {
            if (!jwt.verify(new RSASSAVerifier(key))) {
                throw new ReportSignatureException("trust report signature does not verify with key " + key.getKeyID());
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!TrustReportClaims.ISSUER.equals(claims.getIssuer())) {
                throw new ReportSignatureException("trust report issuer is " + claims.getIssuer() + ", not "
                    + TrustReportClaims.ISSUER);
            }
            return TrustReportClaims.fromClaims(claims);
        } catch (JOSEException | ParseException e) {
            throw new ReportSignatureException("trust report cannot be verified: " + e.getMessage(), e);
        }
    }

    private RSAKey key(String kid) throws ReportSignatureException {
        if (kid == null) {
            throw new ReportSignatureException("trust report JWS names no key (kid)");
        }
        JWK jwk = currentKeys().getKeyByKeyId(kid);
        if (jwk == null && keySetSource != null) {
            jwk = refetchIfAllowed().getKeyByKeyId(kid);
        }
        if (jwk == null) {
            throw new ReportSignatureException("trust report is signed by unknown key " + kid);
        }
        if (!(jwk instanceof RSAKey rsa) || rsa.size() < MIN_RSA_BITS || jwk.isPrivate()) {
            throw new ReportSignatureException("key " + kid + " is not a public RSA key of at least " + MIN_RSA_BITS + " bits");
        }
        return rsa;
    }

    private JWKSet currentKeys() throws ReportSignatureException {
        JWKSet current = keys;
        if (current != null) {
            return current;
        }
        synchronized (fetchLock) {
            return keys != null ? keys : fetch();
        }
    }

    /**
     * Fetches again unless a fetch happened within the interval; then the newest set is returned, which
     * another thread's re-fetch may just have brought.
     */
    private JWKSet refetchIfAllowed() throws ReportSignatureException {
        synchronized (fetchLock) {
            Instant now = clock.instant();
            if (lastRefetch != null && now.isBefore(lastRefetch.plus(minRefetchInterval)) && keys != null) {
                return keys;
            }
            lastRefetch = now;
            return fetch();
        }
    }

    private JWKSet fetch() throws ReportSignatureException {
        synchronized (fetchLock) {
            try {
                JWKSet set = JWKSet.parse(keySetSource.get()).toPublicJWKSet();
                keys = set;
                return set;
            } catch (ParseException | RuntimeException e) {
                throw new ReportSignatureException("the attestation service's key set cannot be fetched: " + e, e);
            }
        }
    }
}
