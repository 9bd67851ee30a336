/**
 * Attested key release: wrapping a secret to a host's TPM bind key so that only that TPM can
 * unwrap it, as a compact JWE or as the raw RSA-OAEP block Intel SecL's key broker sends.
 */
package io.boat.kms.release;
