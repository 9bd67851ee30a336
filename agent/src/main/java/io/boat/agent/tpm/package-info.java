/** TPM access with TSS.Java: device selection, key templates, enrollment and attestation operations. */
package io.boat.agent.tpm;
