package io.boat.agent.image;

import io.boat.agent.service.SecretRef;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code encrypt-image}: the owner's side. Reads the key with the owner's token and encrypts an image file. */
@Command(name = "encrypt-image", mixinStandardHelpOptions = true,
    description = "Encrypt a VM image under a BOAT secret (the owner's payload read) in the chunked format.")
public final class EncryptImageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KeyManagerOptions auth;

    @Mixin
    ImageFileOptions files;

    @Option(names = "--chunk-size", defaultValue = "" + ImageHeader.DEFAULT_CHUNK_SIZE,
        description = "Plaintext bytes per chunk (default ${DEFAULT-VALUE})")
    int chunkSize;

    @Override
    public Integer call() {
        try {
            SecretRef ref = files.ref();
            long size = Files.size(files.in);
            try (ImageKey key = new PayloadKeySource(auth.client()).fetch(ref);
                 InputStream plain = Files.newInputStream(files.in)) {
                ImageCipher.warmUpFor(size);
                ImageCipher.encrypt(key, ref.id(), chunkSize, plain, files.out, Progress.onTerminal("encrypting", size));
            }
            spec.commandLine().getOut().println("encrypted " + files.in + " -> " + files.out + " (" + size + " bytes, secret " + ref.id() + ")");
            spec.commandLine().getOut().flush();
            return CommandErrors.EXIT_OK;
        } catch (Exception e) {
            return CommandErrors.report(spec.commandLine().getErr(), e);
        }
    }
}
