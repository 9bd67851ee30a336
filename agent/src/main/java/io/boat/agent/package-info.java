/** The BOAT compute-host agent: enrolls the host's TPM with the attestation service and attests its state. */
package io.boat.agent;
