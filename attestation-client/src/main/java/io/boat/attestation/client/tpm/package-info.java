/**
 * TPM 2.0 structures a relying party needs to check a host's bind key before it wraps a secret to
 * it: a strict TPMT_PUBLIC parser, the TPM object name, TPMS_ATTEST and TPMT_SIGNATURE, the
 * TPM2_Certify check, the TPM2_PolicyPCR policy digest and the bind-key requirements (decrypt-only
 * RSA that never leaves its TPM, optionally PCR-bound). The attestation service verifies with the
 * same classes, so there is one parser for each structure.
 */
package io.boat.attestation.client.tpm;
