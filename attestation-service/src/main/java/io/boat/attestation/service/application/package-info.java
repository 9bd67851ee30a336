/** The attestation use cases (enroll, activate, register bind key, challenge, verify quote, report), free of JAX-RS. */
package io.boat.attestation.service.application;
