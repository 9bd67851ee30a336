package io.boat.attestation.service.domain;

/** Enrollment state: the AK is trusted only once credential activation has succeeded. */
public enum HostStatus {
    PENDING_ACTIVATION, ACTIVE, REJECTED
}
