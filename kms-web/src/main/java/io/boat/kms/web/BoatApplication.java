package io.boat.kms.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The REST application at the server's root: Barbican's {@code /v1} API, version discovery at
 * {@code /}, and the Keystone-compatible identity at {@code /v3} and {@code /v2.0}.
 *
 * <p>Resources are application-scoped: they hold no request state (the caller comes from
 * {@code CurrentCaller}, per request thread; {@code UriInfo} is a per-request proxy), and
 * per-request instances cost an injection pass (with EJB reference lookups) each.
 */
@ApplicationPath("")
@ApplicationScoped
public class BoatApplication extends Application {

    /** BOAT validates input itself; Jersey's per-request Bean Validation lookup is pure cost. */
    @Override
    public Map<String, Object> getProperties() {
        // WADL (/application.wadl, OPTIONS bodies) names the framework and its version to anyone.
        return Map.of("jersey.config.beanValidation.disable.server", Boolean.TRUE,
                "jersey.config.server.wadl.disableWadl", Boolean.TRUE);
    }
}
