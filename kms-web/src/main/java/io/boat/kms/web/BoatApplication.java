package io.boat.kms.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST application at the server's root: Barbican's {@code /v1} API, version discovery at
 * {@code /}, and the Keystone-compatible identity at {@code /v3} and {@code /v2.0}.
 */
@ApplicationPath("")
@ApplicationScoped
public class BoatApplication extends Application {
}
