package io.boat.agent.image;

import io.boat.agent.service.SecretRef;

/**
 * Where {@code decrypt-image} gets an image's key.
 *
 * <p>Security guarantees an implementation must keep: the returned key is a fresh {@link ImageKey}
 * the caller closes (wipes); the key bytes are never logged, printed or put in an exception message;
 * any intermediate copy (an HTTP body, a TPM-unwrapped buffer) is overwritten before returning.
 * Today's source is the owner-style payload read ({@link PayloadKeySource}); the attested release
 * (AK header, key wrapped to the host's TPM bind key, unwrapped inside the TPM) is another source.
 */
public interface KeySource {
    /** The key of {@code secret}; failures are {@link io.boat.agent.service.KeyManagerException}s. */
    ImageKey fetch(SecretRef secret);
}
