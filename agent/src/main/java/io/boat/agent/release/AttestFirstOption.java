package io.boat.agent.release;

import io.boat.agent.HostOptions;
import io.boat.agent.service.AttestationApi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --attest-first}, shared by the commands that fetch a key by attested release. */
public final class AttestFirstOption {
    @Option(names = "--attest-first", description = "Attest with the attestation service (--service) just before asking "
        + "BOAT, so BOAT finds a fresh trust report; an untrusted verdict stops here, with the service's reasons")
    boolean attestFirst;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The attestation service to attest with first, or null when the option is off. */
    public AttestationApi service() {
        return attestFirst ? HostOptions.attestationService(command) : null;
    }
}
