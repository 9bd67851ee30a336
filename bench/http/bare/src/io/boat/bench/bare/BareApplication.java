package io.boat.bench.bare;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The bench-only baseline (bench/http/compare.sh): a JAX-RS application with one resource and
 * nothing else, so the container's own cost per request can be measured beside BOAT's on the same
 * Payara Micro. Never part of the product: it is compiled by the script, not by the build.
 */
@ApplicationPath("")
public class BareApplication extends Application {
}
