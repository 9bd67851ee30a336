/** JAX-RS resources of the attestation service: thin adapters that validate input and call the core. */
package io.boat.attestation.service.interfaces.rest;
