package io.boat.kms.release;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;

/**
 * An RSA-2048 software key pair standing in for a bind key, for tests that decrypt with JCE/Nimbus
 * (here and in kms-arquillian's in-container tests, which add this class to their WAR).
 */
public final class ReleaseKeys {
    public static final KeyPair PAIR = generate(2048);

    private ReleaseKeys() {
    }

    public static KeyPair generate(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A SHA-256 TPM-name-shaped value (000b || digest) for a software key. */
    public static byte[] name(RSAPublicKey key) throws NoSuchAlgorithmException {
        byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        byte[] name = new byte[34];
        name[1] = 0x0b;
        System.arraycopy(h, 0, name, 2, 32);
        return name;
    }

    public static BindKeyTarget target() throws NoSuchAlgorithmException {
        RSAPublicKey pub = (RSAPublicKey) PAIR.getPublic();
        return new BindKeyTarget(pub, name(pub), "report-42");
    }

    /** Bind-key evidence that passes BOAT's checks and wraps to {@link #PAIR}, PCR-bound or not. */
    public static BindKeyEvidence evidence(boolean pcrBound) {
        return new BindKeyEvidence() {
            @Override
            public BindKeyTarget verifiedTarget(String reportId) {
                try {
                    RSAPublicKey pub = (RSAPublicKey) PAIR.getPublic();
                    return new BindKeyTarget(pub, name(pub), reportId);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean pcrBound() {
                return pcrBound;
            }
        };
    }
}
