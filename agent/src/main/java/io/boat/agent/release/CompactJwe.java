package io.boat.agent.release;

import io.boat.agent.release.WrappedKeyRejectedException.Reason;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A compact JWE as BOAT releases it (RFC 7516 §7.1): protected header {@code alg} RSA-OAEP-256,
 * {@code enc} A256GCM, {@code kid} the bind key's TPM name. Parsing checks the shape and the header;
 * the content key is unwrapped elsewhere (in the TPM), and {@link #decrypt} does A256GCM with plain JCE,
 * the associated data being the ASCII of the encoded protected header (RFC 7516 §5.2 step 14).
 *
 * <p>Security guarantees: nothing is decrypted unless alg, enc and kid are the expected ones; any change
 * to the header, IV, ciphertext or tag fails the GCM check ({@link Reason#INTEGRITY}) and yields no bytes.
 */
public final class CompactJwe {
    static final String ALG = "RSA-OAEP-256";
    static final String ENC = "A256GCM";
    private static final int CEK_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;
    /** Parameters we understand; anything else (zip, crit, jku, ...) could change the meaning, so it is refused. */
    private static final Set<String> KNOWN = Set.of("alg", "enc", "kid", "typ", "cty", "boat_report_id");
    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

    private final String encodedHeader;
    private final JsonObject header;
    private final byte[] encryptedKey;
    private final byte[] iv;
    private final byte[] ciphertext;
    private final byte[] tag;

    private CompactJwe(String encodedHeader, JsonObject header, byte[] encryptedKey, byte[] iv, byte[] ciphertext,
                       byte[] tag) {
        this.encodedHeader = encodedHeader;
        this.header = header;
        this.encryptedKey = encryptedKey;
        this.iv = iv;
        this.ciphertext = ciphertext;
        this.tag = tag;
    }

    public static CompactJwe parse(String compact) {
        String[] parts = compact.strip().split("\\.", -1);
        if (parts.length != 5) {
            throw new WrappedKeyRejectedException(Reason.MALFORMED, "not a compact JWE: " + parts.length
                + " dot-separated parts, expected 5");
        }
        JsonObject header = parseHeader(parts[0]);
        for (String name : header.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new WrappedKeyRejectedException(Reason.UNSUPPORTED, "JWE header parameter '" + name
                    + "' is not part of the release format");
            }
        }
        requireValue(header, "alg", ALG);
        requireValue(header, "enc", ENC);
        if (!(header.get("kid") instanceof JsonString)) {
            throw new WrappedKeyRejectedException(Reason.MALFORMED, "JWE header has no kid naming the bind key");
        }
        CompactJwe jwe = new CompactJwe(parts[0], header, part(parts[1], "encrypted key"), part(parts[2], "IV"),
            part(parts[3], "ciphertext"), part(parts[4], "tag"));
        if (jwe.iv.length != IV_BYTES || jwe.tag.length != TAG_BYTES || jwe.encryptedKey.length == 0) {
            throw new WrappedKeyRejectedException(Reason.MALFORMED, "JWE parts have impossible sizes (IV "
                + jwe.iv.length + ", tag " + jwe.tag.length + ", encrypted key " + jwe.encryptedKey.length + " bytes)");
        }
        return jwe;
    }

    /** The bind key name the sender wrapped to, lower-case. */
    public String kid() {
        return header.getString("kid").toLowerCase(Locale.ROOT);
    }

    /** The trust report BOAT released on, or null. */
    public String reportId() {
        return header.get("boat_report_id") instanceof JsonString s ? s.getString() : null;
    }

    /** Refuses a JWE addressed to another key: the TPM would fail anyway, but this says why. */
    public void requireKid(String bindKeyNameHex) {
        if (!kid().equals(bindKeyNameHex.toLowerCase(Locale.ROOT))) {
            throw new WrappedKeyRejectedException(Reason.KID_MISMATCH, "the JWE is wrapped to bind key " + kid()
                + ", not this host's bind key " + bindKeyNameHex);
        }
    }

    /** The RSA-OAEP block holding the content key: what the TPM decrypts. */
    public byte[] encryptedKey() {
        return encryptedKey.clone();
    }

    /** A256GCM decryption with {@code cek}; the caller wipes both the CEK and the returned bytes. */
    public byte[] decrypt(byte[] cek) {
        if (cek.length != CEK_BYTES) {
            throw new WrappedKeyRejectedException(Reason.MALFORMED, "content key is " + cek.length
                + " bytes; A256GCM needs " + CEK_BYTES);
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
            gcm.updateAAD(encodedHeader.getBytes(StandardCharsets.US_ASCII));
            gcm.update(ciphertext);
            return gcm.doFinal(tag);
        } catch (AEADBadTagException e) {
            throw new WrappedKeyRejectedException(Reason.INTEGRITY, "the JWE does not authenticate: its header, IV, "
                + "ciphertext or tag was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable: " + e.getClass().getSimpleName(), e);
        }
    }

    private static JsonObject parseHeader(String encoded) {
        try (JsonReader r = Json.createReader(new StringReader(new String(B64URL.decode(encoded), StandardCharsets.UTF_8)))) {
            return r.readObject();
        } catch (RuntimeException e) {
            throw new WrappedKeyRejectedException(Reason.MALFORMED, "JWE protected header is not a base64url JSON object");
        }
    }

    private static void requireValue(JsonObject header, String name, String expected) {
        JsonValue v = header.get(name);
        if (!(v instanceof JsonString s) || !s.getString().equals(expected)) {
            throw new WrappedKeyRejectedException(Reason.UNSUPPORTED, "JWE " + name + " is " + v + "; the release format is "
                + expected);
        }
    }

    private static byte[] part(String encoded, String what) {
        try {
            return B64URL.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new WrappedKeyRejectedException(Reason.MALFORMED, "JWE " + what + " is not base64url");
        }
    }
}
