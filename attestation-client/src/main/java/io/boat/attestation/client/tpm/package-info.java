/**
 * TPM 2.0 structures a relying party needs to check a host's bind key before it wraps a secret to
 * it: a strict TPMT_PUBLIC parser, the TPM object name, the TPM2_PolicyPCR policy digest and the
 * bind-key requirements (decrypt-only RSA that never leaves its TPM, optionally PCR-bound).
 */
package io.boat.attestation.client.tpm;
