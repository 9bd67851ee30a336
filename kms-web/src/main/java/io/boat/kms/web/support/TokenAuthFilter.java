package io.boat.kms.web.support;

import io.boat.kms.identity.TokenClaims;
import io.boat.kms.identity.TokenVerifier;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads the token from {@code X-Auth-Token} (what every OpenStack client sends) or
 * {@code Authorization: Bearer}, verifies it, and records the caller. Requests without a token
 * go on: version discovery and token issuing need none, and every other resource asks
 * {@link CurrentCaller}, which answers 401.
 *
 * <p>Why not the container's MP-JWT mechanism: Payara refuses {@code mp.jwt.token.header=X-Auth-Token}
 * and authenticates before any filter could rewrite the header, so both headers are handled
 * here, with MP-JWT's claim layout and its {@code mp.jwt.verify.*} settings for external issuers.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class TokenAuthFilter implements ContainerRequestFilter {

    public static final String X_AUTH_TOKEN = "X-Auth-Token";
    /**
     * Request attribute under which {@link SlowBodyGuard} leaves the claims it already verified, so
     * a request with a body pays for one signature check, not two. Attributes are server-side only.
     */
    static final String VERIFIED_CLAIMS = TokenAuthFilter.class.getName() + ".claims";
    private static final String BEARER = "Bearer ";

    @Inject
    TokenVerifier tokens;

    @Inject
    CurrentCaller current;

    @Override
    public void filter(ContainerRequestContext request) {
        // Cleared first: a token that fails to verify must not leave an earlier request's caller behind.
        current.clear();
        String token = token(request.getHeaderString(X_AUTH_TOKEN), request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token != null) {
            Object verified = request.getProperty(VERIFIED_CLAIMS);
            current.set(verified instanceof TokenClaims claims ? claims : tokens.verify(token));
        }
    }

    /** The token from {@code X-Auth-Token}, else from {@code Authorization: Bearer}; null when neither. */
    public static String token(String xAuthToken, String authorization) {
        String token = xAuthToken;
        if (token == null && authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            token = authorization.substring(BEARER.length());
        }
        return token == null ? null : token.trim();
    }
}
