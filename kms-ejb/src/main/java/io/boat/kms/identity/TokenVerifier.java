package io.boat.kms.identity;

import io.boat.kms.KmsException;
import io.boat.kms.identity.revocation.Revocations;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The token check every request makes. A token whose signature {@link TokenService} has verified
 * is kept under its exact text, so a repeat costs a map look-up; expiry and revocation are checked
 * on every use, against current state. A plain CDI bean, not an EJB: the EJB container's work
 * around each call (invocation and security context, transaction attribute, lock) cost more than
 * the check itself, twice per request with the revocation check.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final int CACHE_MAX = 10_000;
    private static final int TOKEN_MAX_CHARS = 8192;

    @EJB
    TokenService tokens;

    @Inject
    Revocations revocations;

    /** Verified tokens by their exact text. */
    private final ConcurrentMap<String, TokenClaims> verified = new ConcurrentHashMap<>();

    /** The token's claims: signature, issuer, expiry and revocation checked; any failure is a 401. */
    public TokenClaims verify(String token) {
        if (token == null || token.isEmpty() || token.length() > TOKEN_MAX_CHARS) {
            throw KmsException.unauthorized();
        }
        TokenClaims claims = verified.get(token);
        if (claims == null) {
            claims = tokens.verifySignature(token);
            if (verified.size() >= CACHE_MAX) {
                verified.clear();
            }
            verified.put(token, claims);
        }
        if (!claims.expiresAt().isAfter(Instant.now())) {
            verified.remove(token);
            throw KmsException.unauthorized();
        }
        revocations.check(claims);
        return claims;
    }
}
