package io.boat.agent.image;

import io.boat.agent.service.SecretRef;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What both image commands name: the secret, the file read and the file created. */
public final class ImageFileOptions {
    @Option(names = "--secret-ref", required = true, description = "The secret's ref, http(s)://HOST/v1/secrets/ID")
    String secretRef;

    @Option(names = "--in", required = true, description = "Image to read")
    Path in;

    @Option(names = "--out", required = true, description = "Image to create (must not exist; created 0600, "
        + "and only once complete)")
    Path out;

    SecretRef ref() {
        return SecretRef.parse(secretRef);
    }
}
