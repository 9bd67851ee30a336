/** Barbican's /v1/secrets: request parsing, content negotiation, and secrets and their metadata rendered as Barbican does. */
package io.boat.kms.web.secret;
