/** Secrets (Barbican's aggregate): creating, reading, listing and deleting them and their user metadata; the payload's way out through content negotiation. */
package io.boat.kms.secret;
