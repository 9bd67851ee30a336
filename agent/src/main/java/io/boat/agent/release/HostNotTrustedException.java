package io.boat.agent.release;

import java.util.List;

/**
 * The attestation service judged this host untrusted when it attested just before asking for a key,
 * so BOAT was not asked: it would refuse, and the service's reasons (e.g. the PCR that differs) are
 * the useful answer.
 */
public class HostNotTrustedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HostNotTrustedException(List<String> reasons) {
        super("the attestation service finds this host untrusted, so no key was requested: " + String.join("; ", reasons));
    }
}
