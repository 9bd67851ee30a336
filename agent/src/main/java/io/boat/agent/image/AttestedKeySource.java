package io.boat.agent.image;

import io.boat.agent.release.AttestedRelease;
import io.boat.agent.release.WrapFormat;
import io.boat.agent.service.SecretRef;

/**
 * The attested release as {@code decrypt-image}'s key source: the key comes wrapped to this host's TPM
 * bind key (JWE, so the answer is bound to the bind key's name and the trust report) and is unwrapped
 * inside the TPM; no plaintext key crosses the wire.
 */
public final class AttestedKeySource implements KeySource {
    private final AttestedRelease release;

    public AttestedKeySource(AttestedRelease release) {
        this.release = release;
    }

    @Override
    public ImageKey fetch(SecretRef secret) {
        return ImageKey.takeFrom(release.fetch(secret, WrapFormat.JWE));
    }
}
