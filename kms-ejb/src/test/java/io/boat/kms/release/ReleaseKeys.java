package io.boat.kms.release;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;

/** An RSA-2048 software key pair standing in for a bind key, for tests that decrypt with JCE/Nimbus. */
final class ReleaseKeys {
    static final KeyPair PAIR = generate(2048);

    private ReleaseKeys() {
    }

    static KeyPair generate(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A SHA-256 TPM-name-shaped value (000b || digest) for a software key. */
    static byte[] name(RSAPublicKey key) throws NoSuchAlgorithmException {
        byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        byte[] name = new byte[34];
        name[1] = 0x0b;
        System.arraycopy(h, 0, name, 2, 32);
        return name;
    }

    static BindKeyTarget target() throws NoSuchAlgorithmException {
        RSAPublicKey pub = (RSAPublicKey) PAIR.getPublic();
        return new BindKeyTarget(pub, name(pub), "report-42");
    }
}
