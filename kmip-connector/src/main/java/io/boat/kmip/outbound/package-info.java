/**
 * The JCA 1.7 outbound side: managed connection factory (the configured server and TLS material),
 * managed connections wrapping one {@code KmipClient} each, connection handles, and a small pool
 * for use outside an application server.
 */
package io.boat.kmip.outbound;
