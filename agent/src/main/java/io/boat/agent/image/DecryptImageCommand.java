package io.boat.agent.image;

import io.boat.agent.HostOptions;
import io.boat.agent.release.AttestFirstOption;
import io.boat.agent.release.AttestedRelease;
import io.boat.agent.service.SecretRef;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code decrypt-image}: the compute host's side. Checks the image names the secret, fetches the key
 * from a {@link KeySource} (the payload read, or with {@code --attested} the TPM-bound release), and
 * writes the plain image only once every chunk has verified.
 */
@Command(name = "decrypt-image", mixinStandardHelpOptions = true,
    description = "Verify and decrypt an image made by encrypt-image; a tampered or truncated image leaves no output.")
public final class DecryptImageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KeyManagerOptions auth;

    @Mixin
    ImageFileOptions files;

    @Option(names = "--attested", description = "Get the key by attested release: BOAT wraps it to this host's TPM bind "
        + "key (needs 'enroll') and the TPM unwraps it, so no plaintext key crosses the wire")
    boolean attested;

    @Mixin
    AttestFirstOption attestFirst;

    KeySource keySource() {
        if (attested) {
            return new AttestedKeySource(new AttestedRelease(auth.client(), HostOptions.stateDir(spec), HostOptions.tpm(spec),
                attestFirst.service()));
        }
        return new PayloadKeySource(auth.client());
    }

    @Override
    public Integer call() {
        try {
            SecretRef ref = files.ref();
            // Before fetching: a key released for the wrong image is a release for nothing.
            ImageCipher.header(files.in).requireKeyId(ref.id());
            try (ImageKey key = keySource().fetch(ref)) {
                ImageCipher.decrypt(key, ref.id(), files.in, files.out, Progress.onTerminal("decrypting", Files.size(files.in)));
            }
            spec.commandLine().getOut().println("decrypted " + files.in + " -> " + files.out);
            spec.commandLine().getOut().flush();
            return CommandErrors.EXIT_OK;
        } catch (Exception e) {
            return CommandErrors.report(spec.commandLine().getErr(), e);
        }
    }
}
