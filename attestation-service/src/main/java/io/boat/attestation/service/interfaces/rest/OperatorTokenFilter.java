package io.boat.attestation.service.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Operator endpoints require {@code Authorization: Bearer <boat.attestation.operator-token>}
 * (compared in constant time). Without a configured token they are disabled (403).
 */
@Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class OperatorTokenFilter implements ContainerRequestFilter {
    @Inject
    @ConfigProperty(name = "boat.attestation.operator-token")
    Optional<String> token;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token.isEmpty() || token.get().isBlank()) {
            request.abortWith(ErrorBody.response(403, "operator_api_disabled", "Forbidden",
                "operator API is disabled: configure boat.attestation.operator-token"));
            return;
        }
        String header = request.getHeaderString("Authorization");
        byte[] presented = header != null && header.startsWith("Bearer ")
            ? header.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(presented, token.get().getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(ErrorBody.response(401, "unauthorized", "Unauthorized",
                "operator endpoints need Authorization: Bearer <operator token>"));
        }
    }
}
