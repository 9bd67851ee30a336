/** The KMIP client used both by the resource adapter's managed connections and unmanaged (tests, benchmarks, CLI). */
package io.boat.kmip.client;
