/** JPA implementation of the attestation repository (H2 by default, PostgreSQL supported). */
package io.boat.attestation.service.infrastructure.jpa;
