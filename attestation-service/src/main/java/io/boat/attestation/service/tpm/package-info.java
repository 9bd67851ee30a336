/**
 * TPM 2.0 operations only the verifier needs (credential making and KDFa); TPMT_PUBLIC, TPMS_ATTEST,
 * TPMT_SIGNATURE and the bind-key certification check come from attestation-client, which the KMS uses too.
 */
package io.boat.attestation.service.tpm;
