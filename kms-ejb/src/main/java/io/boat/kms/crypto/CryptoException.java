package io.boat.kms.crypto;

import io.boat.kms.KmsException;

/** A cryptographic operation failed; never carries key material, never shown to clients. */
public class CryptoException extends KmsException {

    private static final long serialVersionUID = 1L;

    public CryptoException(String logMessage, Throwable cause) {
        super(logMessage, "Secret storage is inconsistent.", cause);
    }
}
