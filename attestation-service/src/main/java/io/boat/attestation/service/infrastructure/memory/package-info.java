/** In-memory repository for tests, benchmarks and demos; not a CDI bean, never used by the WAR. */
package io.boat.attestation.service.infrastructure.memory;
