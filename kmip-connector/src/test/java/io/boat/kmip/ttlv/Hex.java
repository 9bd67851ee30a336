package io.boat.kmip.ttlv;

import java.util.HexFormat;

/** Test helper: hex with optional spaces and '|' separators, as annotated dumps are written. */
public final class Hex {
    private Hex() {
    }

    public static byte[] bytes(String annotated) {
        return HexFormat.of().parseHex(annotated.replaceAll("[\\s|]", ""));
    }

    public static String of(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
