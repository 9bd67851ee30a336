package io.boat.kms.web.support;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes every link BOAT hands out ({@code secret_ref}, {@code Location}, the token catalog) start
 * with a URL the operator chose, never with the request's {@code Host} header, which any client
 * sets ({@code Host: evil.example} would otherwise make BOAT link to evil.example). The base is
 * {@code boat.public-url} (Barbican's {@code host_href}, Keystone's {@code public_endpoint}),
 * by default the listener's own address and port.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class PublicUrlFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "boat.public-url")
    Optional<String> publicUrl;

    /**
     * The servlet request under the JAX-RS one, which {@link SlowBodyGuard} (mapped to every path of
     * this WAR) leaves as a request attribute. Reaching it there is a map lookup; Jersey's injected
     * {@code @Context HttpServletRequest} is an HK2 proxy that resolves the request-scoped instance on
     * every call (3 % of a payload read).
     */
    static final String SERVLET_REQUEST = PublicUrlFilter.class.getName() + ".servlet";

    /**
     * Parsed bases by their text. The keys are the configured URL or this server's own listener
     * addresses, never anything a client sends, so the map stays as small as the set of listeners.
     */
    private final ConcurrentMap<String, URI> bases = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        URI oldBase = request.getUriInfo().getBaseUri();
        URI base = bases.computeIfAbsent(base(publicUrl, (HttpServletRequest) request.getProperty(SERVLET_REQUEST)),
                URI::create);
        // Most clients address the listener as it is configured: then there is nothing to rewrite.
        if (!base.equals(oldBase)) {
            URI relative = oldBase.relativize(request.getUriInfo().getRequestUri());
            request.setRequestUri(base, base.resolve(relative));
        }
    }

    /**
     * The base that links on a request to {@code servlet} start with, ending in a slash: the
     * configured public URL (blank: none), else the listener's own address; also for answers
     * written outside JAX-RS, which this filter does not see.
     */
    public static String base(Optional<String> configured, HttpServletRequest servlet) {
        return withSlash(configured.filter(s -> !s.isBlank()).orElseGet(() -> listener(servlet)));
    }

    private static String listener(HttpServletRequest servlet) {
        String host = servlet.getLocalAddr();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return servlet.getScheme() + "://" + host + ":" + servlet.getLocalPort() + servlet.getContextPath();
    }

    private static String withSlash(String s) {
        return s.endsWith("/") ? s : s + "/";
    }
}
