package io.boat.attestation.client.tpm;

import java.util.List;

/** A bind key's public area fails BOAT's requirements; {@link #reasons()} lists every failed rule. */
public class UnusableBindKeyException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> reasons;

    public UnusableBindKeyException(List<String> reasons) {
        super("unusable bind key: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
