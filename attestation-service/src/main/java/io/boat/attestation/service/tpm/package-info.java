/**
 * TPM 2.0 structures only the verifier needs (TPMS_ATTEST, TPMT_SIGNATURE, credential making and KDFa),
 * parsed with attestation-client's bounds-checked reader; TPMT_PUBLIC comes from attestation-client too.
 */
package io.boat.attestation.service.tpm;
