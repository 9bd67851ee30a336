/** Wiring of the attestation core into Jakarta EE: CDI producers, configuration, the data source. */
package io.boat.attestation.service.infrastructure;
