package io.boat.kms.web.support;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Barbican's response headers: {@code openstack-api-version}, {@code vary} and a
 * {@code x-openstack-request-id}; the identity API gets Keystone's {@code Vary: X-Auth-Token}.
 * Every response also forbids caching ({@code Cache-Control: no-store}) and MIME sniffing.
 */
@Provider
public class ResponseHeadersFilter implements ContainerResponseFilter {

    /** A request id only correlates log lines; it need not be unguessable, so no SecureRandom lock. */
    static UUID requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        add(request.getUriInfo().getPath(), headers::putSingle);
    }

    /**
     * Sets the headers for a response to {@code path} (relative to the application), through
     * {@code header}: also for answers written outside JAX-RS, so every answer carries the same.
     */
    public static void add(String path, BiConsumer<String, String> header) {
        if (path.startsWith("v3") || path.startsWith("/v3") || path.contains("v2.0")) {
            header.accept("Vary", "X-Auth-Token");
        } else {
            header.accept("openstack-api-version", "key-manager 1.0");
            header.accept("vary", "openstack-api-version");
        }
        header.accept("x-openstack-request-id", "req-" + requestId());
        // Payloads, tokens and metadata must not be kept by caches or re-typed by browsers.
        header.accept("Cache-Control", "no-store");
        header.accept("X-Content-Type-Options", "nosniff");
    }
}
