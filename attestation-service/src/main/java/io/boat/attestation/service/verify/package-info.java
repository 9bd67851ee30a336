/** Evidence verifiers in plain JCE: EK certificates, quotes, bind-key certifications, PCR policies. */
package io.boat.attestation.service.verify;
