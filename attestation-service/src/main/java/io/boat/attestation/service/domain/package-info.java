/** Domain model of the attestation service: enrolled hosts, single-use challenges, reference values (JPA entities). */
package io.boat.attestation.service.domain;
