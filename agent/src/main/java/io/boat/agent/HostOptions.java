package io.boat.agent;

import io.boat.agent.service.AttestationApi;
import io.boat.agent.service.HttpAttestationApi;
import io.boat.agent.service.TlsFiles;
import io.boat.agent.tpm.TpmAddress;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The host-wide options {@link Main} declares once and every subcommand inherits (TPM, attestation
 * service, state directory, TLS files), read by subcommands that live outside {@link Main}, whichever side of the subcommand name
 * the user put them.
 */
public final class HostOptions {
    static final String TPM = "--tpm";
    static final String SERVICE = "--service";
    static final String STATE_DIR = "--state-dir";
    static final String CACERT = "--cacert";
    static final String CERT = "--cert";
    static final String KEY = "--key";

    private HostOptions() {
    }

    public static TpmAddress tpm(CommandSpec spec) {
        return TpmAddress.parse(value(spec, TPM));
    }

    public static StateDir stateDir(CommandSpec spec) {
        return new StateDir(value(spec, STATE_DIR));
    }

    /** The attestation service, over the same TLS settings as everything else. */
    public static AttestationApi attestationService(CommandSpec spec) {
        return new HttpAttestationApi(value(spec, SERVICE), tls(spec));
    }

    public static TlsFiles tls(CommandSpec spec) {
        return new TlsFiles(value(spec, CACERT), value(spec, CERT), value(spec, KEY));
    }

    private static <T> T value(CommandSpec spec, String option) {
        var o = spec.findOption(option);
        if (o == null) {
            throw new IllegalStateException("command " + spec.qualifiedName() + " does not inherit " + option);
        }
        return o.getValue();
    }
}
