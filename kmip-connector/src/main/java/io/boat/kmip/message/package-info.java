/** Typed KMIP messages over the TTLV tree: request/response headers, batch items, operation payloads. */
package io.boat.kmip.message;
