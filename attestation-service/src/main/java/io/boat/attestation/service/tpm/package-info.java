/** TPM 2.0 wire structures (TPMT_PUBLIC, TPMS_ATTEST, TPMT_SIGNATURE) parsed and built in plain Java, bounds-checked. */
package io.boat.attestation.service.tpm;
