package io.boat.kmip.api;

/** A KMIP protocol version (Protocol Version structure, KMIP 1.4 §6.1). */
public record KmipVersion(int major, int minor) implements Comparable<KmipVersion> {

    public static final KmipVersion V1_0 = new KmipVersion(1, 0);
    public static final KmipVersion V1_2 = new KmipVersion(1, 2);
    public static final KmipVersion V1_4 = new KmipVersion(1, 4);
    public static final KmipVersion V2_0 = new KmipVersion(2, 0);

    /** Parses "1.2". */
    public static KmipVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Invalid KMIP version '" + text + "'; expected MAJOR.MINOR such as 1.2");
        }
        return new KmipVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    @Override
    public int compareTo(KmipVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
