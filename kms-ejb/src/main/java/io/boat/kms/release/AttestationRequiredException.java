package io.boat.kms.release;

import io.boat.kms.NotPermittedException;

/**
 * The secret's release policy requires attestation and the request did not name a host (403): the
 * 2014 prototype let any token holder read such a key.
 */
public class AttestationRequiredException extends NotPermittedException {
    private static final long serialVersionUID = 1L;

    public AttestationRequiredException() {
        super("This secret is released only to an attested host: name the host's AK in the "
            + AkName.HEADER + " header.");
    }
}
