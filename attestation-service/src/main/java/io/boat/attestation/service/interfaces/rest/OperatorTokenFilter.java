package io.boat.attestation.service.interfaces.rest;

import io.boat.attestation.service.infrastructure.AdminTokenVerifier;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Operator endpoints accept either credential that is configured: the static
 * {@code boat.attestation.operator-token} as {@code Authorization: Bearer} (compared in constant time),
 * or a BOAT token with the admin role as {@code X-Auth-Token} or {@code Authorization: Bearer}
 * (see {@link AdminTokenVerifier}). With neither configured the operator API is disabled (403).
 * A missing or wrong credential is a 401 with {@code WWW-Authenticate}.
 */
@Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class OperatorTokenFilter implements ContainerRequestFilter {
    static final String CHALLENGE = "Bearer realm=\"boat-attestation\"";

    @Inject
    @ConfigProperty(name = "boat.attestation.operator-token")
    Optional<String> token;

    @Inject
    Optional<AdminTokenVerifier> adminTokens;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> staticToken = token.filter(t -> !t.isBlank());
        if (staticToken.isEmpty() && adminTokens.isEmpty()) {
            request.abortWith(ErrorBody.response(403, "operator_api_disabled", "Forbidden",
                "operator API is disabled: configure boat.attestation.operator-token or "
                    + "boat.attestation.admin-token.public-key"));
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String bearer = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        String subject = request.getHeaderString("X-Auth-Token");
        boolean ok = staticToken.isPresent() && bearer != null && MessageDigest.isEqual(
            bearer.getBytes(StandardCharsets.UTF_8), staticToken.get().getBytes(StandardCharsets.UTF_8));
        if (!ok && adminTokens.isPresent()) {
            ok = subject != null ? adminTokens.get().isAdmin(subject) : bearer != null && adminTokens.get().isAdmin(bearer);
        }
        if (!ok) {
            request.abortWith(jakarta.ws.rs.core.Response.fromResponse(ErrorBody.response(401, "unauthorized",
                "Unauthorized", "operator endpoints need Authorization: Bearer <operator token> or "
                    + "X-Auth-Token: <BOAT token with the admin role>"))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build());
        }
    }
}
