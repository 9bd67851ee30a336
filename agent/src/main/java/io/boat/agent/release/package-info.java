/**
 * Attested key release, the host's side: ask BOAT for a secret naming this host's AK, and unwrap the
 * answer inside the TPM with the enrolled bind key (compact JWE, RSA-OAEP-256 + A256GCM, or the raw
 * RSA-OAEP-SHA256 block with label "TPM2\0"). The key never crosses the wire in the clear.
 */
package io.boat.agent.release;
