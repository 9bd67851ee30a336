package io.boat.kms.web.support;

import io.boat.kms.InvalidRequestException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict UTF-8. The JDK's defaults replace what they cannot code ({@code "A\ud800B"} becomes
 * {@code A?B}, invalid bytes become U+FFFD), which would store a text secret other than the one
 * sent; here both directions refuse instead, with a 400.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** The UTF-8 bytes of text that is well-formed UTF-16 (no lone surrogates). */
    public static byte[] encode(String text, String what) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] out = Arrays.copyOfRange(b.array(), b.position(), b.limit());
            Arrays.fill(b.array(), (byte) 0);
            return out;
        } catch (CharacterCodingException e) {
            throw invalid(what);
        }
    }

    /** 400 unless {@code bytes} are well-formed UTF-8. */
    public static void check(byte[] bytes, String what) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw invalid(what);
        }
    }

    private static InvalidRequestException invalid(String what) {
        return new InvalidRequestException(what + " is not valid UTF-8 text (lone surrogate or invalid bytes).");
    }
}
