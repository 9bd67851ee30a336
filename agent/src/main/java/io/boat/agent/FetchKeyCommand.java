package io.boat.agent;

import io.boat.agent.image.AtomicOutput;
import io.boat.agent.image.CommandErrors;
import io.boat.agent.image.KeyManagerOptions;
import io.boat.agent.release.AttestFirstOption;
import io.boat.agent.release.AttestedRelease;
import io.boat.agent.release.WrapFormat;
import io.boat.agent.service.SecretRef;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fetch-key}: the attested release on its own. Names this host's AK to BOAT, unwraps the answer in
 * the TPM with the enrolled bind key, and writes the key to a new 0600 file (complete or not at all) or,
 * without {@code --out}, as raw bytes to standard output (for a pipe, e.g. {@code cryptsetup --key-file -}).
 */
@Command(name = "fetch-key", mixinStandardHelpOptions = true,
    description = "Fetch a secret by attested release and unwrap it inside this host's TPM (needs 'enroll').")
public final class FetchKeyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KeyManagerOptions auth;

    @Mixin
    AttestFirstOption attestFirst;

    @Parameters(index = "0", paramLabel = "SECRET_REF", description = "The secret's ref, http(s)://HOST/v1/secrets/ID")
    String secretRef;

    @Option(names = "--format", defaultValue = "jwe", paramLabel = "jwe|raw",
        description = "jwe (default: compact JWE bound to the bind key's name) or raw (one RSA-OAEP block, label TPM2)")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "File to create (must not exist; created 0600, only once "
        + "complete); default: raw bytes to standard output")
    Path out;

    /** The process's real standard output: Main points System.out at stderr for TSS.Java's diagnostics. */
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);

    /**
     * Where errors go when the key goes to standard output: the real standard error, so an error line is
     * never piped into the key's consumer as if it were the key (Main prints errors to standard output).
     */
    PrintWriter stderr = new PrintWriter(new FileOutputStream(FileDescriptor.err), true);

    @Override
    public Integer call() {
        try {
            SecretRef ref = SecretRef.parse(secretRef);
            WrapFormat wrap = WrapFormat.parse(format);
            byte[] key = new AttestedRelease(auth.client(), HostOptions.stateDir(spec), HostOptions.tpm(spec),
                attestFirst.service()).fetch(ref, wrap);
            try {
                write(key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
            if (out != null) {
                spec.commandLine().getOut().println("released " + ref + " (" + key.length + " bytes, " + wrap + ") -> " + out);
                spec.commandLine().getOut().flush();
            }
            return CommandErrors.EXIT_OK;
        } catch (Exception e) {
            return CommandErrors.report(out == null ? stderr : spec.commandLine().getErr(), e);
        }
    }

    private void write(byte[] key) throws IOException {
        if (out == null) {
            stdout.write(key);
            stdout.flush();
            return;
        }
        try (AtomicOutput file = AtomicOutput.create(out)) {
            file.write(key, key.length);
            file.commit();
        }
    }
}
