package io.boat.agent.tpm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A TPM key created under the storage root key: its TPMT_PUBLIC and its TPM2B_PRIVATE buffer
 * (encrypted by the TPM; useless outside it). Saved in the agent's state directory and reloaded.
 */
public record KeyBlob(byte[] publicArea, byte[] privateBlob) {

    /** TPM name (SHA-256 name algorithm): 0x000b || SHA-256(TPMT_PUBLIC). */
    public byte[] name() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(publicArea);
            byte[] n = new byte[34];
            n[1] = 0x0b;
            System.arraycopy(h, 0, n, 2, 32);
            return n;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
