package io.boat.kms.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The master KEK: one AES-256 key in a PKCS#12 file, created on first use. It only ever wraps
 * project KEKs and the token-signing key; it never touches secret payloads directly.
 *
 * <p>The file is written to a temporary name and moved into place, so a crash during first
 * start cannot leave a half-written key store that would make every wrapped key unreadable.
 */
public final class MasterKeyStore {

    static final String ALIAS = "boat-master-kek";

    private final SecretKey masterKey;

    private MasterKeyStore(SecretKey masterKey) {
        this.masterKey = masterKey;
    }

    /** Opens the key store at {@code file}, creating it (and the key) if it does not exist. */
    public static MasterKeyStore openOrCreate(Path file, char[] password) {
        try {
            if (Files.exists(file)) {
                return new MasterKeyStore(load(file, password));
            }
            return new MasterKeyStore(create(file, password));
        } catch (IOException | GeneralSecurityException e) {
            // IOException from a wrong PKCS#12 password carries no secret; say which file.
            throw new CryptoException("cannot open master key store " + file + ": " + e.getMessage(), e);
        }
    }

    private static SecretKey load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        KeyStore.Entry entry = ks.getEntry(ALIAS, new KeyStore.PasswordProtection(password));
        if (!(entry instanceof KeyStore.SecretKeyEntry secretEntry)) {
            throw new GeneralSecurityException("no secret key entry '" + ALIAS + "'");
        }
        return secretEntry.getSecretKey();
    }

    private static SecretKey create(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, Rng.get());
        SecretKey key = generator.generateKey();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, password);
        ks.setEntry(ALIAS, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".master", ".p12.tmp");
        try {
            restrictToOwner(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, password);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return key;
    }

    /** Owner read/write only, where the file system has POSIX permissions. */
    public static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing more we can do portably.
        }
    }

    /** Wraps key bytes under the master KEK, binding {@code context} as associated data. */
    public byte[] wrap(byte[] keyBytes, String context) {
        return AesGcm.encrypt(masterKey, keyBytes, context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Unwraps what {@link #wrap} produced under the same context. */
    public byte[] unwrap(byte[] wrapped, String context) {
        return AesGcm.decrypt(masterKey, wrapped, context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Reads a password file's first line; the array should be wiped by the caller. */
    public static char[] readPasswordFile(Path file) {
        try {
            byte[] raw = Files.readAllBytes(file);
            String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8).strip();
            Arrays.fill(raw, (byte) 0);
            return text.toCharArray();
        } catch (IOException e) {
            throw new CryptoException("cannot read master key password file " + file, e);
        }
    }

    @Override
    public String toString() {
        return "MasterKeyStore[redacted]";
    }
}
