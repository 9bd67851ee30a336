package io.boat.attestation.service.infrastructure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;

/**
 * Recognises a BOAT token (the RS256 JWT the KMS issues: {@code iss}, {@code exp}, roles in
 * {@code groups}) that carries the admin role, verified with the KMS's published token-signing key
 * ({@code GET /v3/OS-BOAT/token-signing-key}). Lets operators use the identity they already have for the
 * KMS instead of a second, static credential.
 */
public final class AdminTokenVerifier {
    private final RSASSAVerifier verifier;
    private final String issuer;
    private final String role;
    private final Clock clock;

    public AdminTokenVerifier(RSAPublicKey key, String issuer, String role, Clock clock) {
        this.verifier = new RSASSAVerifier(key);
        this.issuer = issuer;
        this.role = role;
        this.clock = clock;
    }

    /** True only for a well-formed, correctly signed, unexpired token of this issuer with the admin role. */
    public boolean isAdmin(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return false;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            List<String> groups = claims.getStringListClaim("groups");
            return issuer.equals(claims.getIssuer()) && exp != null && exp.toInstant().isAfter(clock.instant())
                && groups != null && groups.contains(role);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return false;
        }
    }
}
