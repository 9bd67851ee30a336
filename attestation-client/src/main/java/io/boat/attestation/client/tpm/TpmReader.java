package io.boat.attestation.client.tpm;

import java.util.Arrays;

/** Big-endian reader over a TPM-marshalled buffer; every read checks the remaining length first. */
final class TpmReader {
    private final byte[] buf;
    private final String what;
    private int pos;

    TpmReader(byte[] buf, String what) {
        this.buf = buf;
        this.what = what;
    }

    private void need(int n, String field) throws TpmFormatException {
        if (buf.length - pos < n) {
            throw new TpmFormatException(TpmFormatException.Problem.TRUNCATED,
                what + " truncated reading " + field + " at offset " + pos);
        }
    }

    int u16(String field) throws TpmFormatException {
        need(2, field);
        int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    long u32(String field) throws TpmFormatException {
        need(4, field);
        long v = ((buf[pos] & 0xffL) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
            | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    /** A TPM2B: 16-bit size then that many bytes, refused before reading when the size exceeds {@code max}. */
    byte[] sized(String field, int max) throws TpmFormatException {
        int n = u16(field + ".size");
        if (n > max) {
            throw new TpmFormatException(TpmFormatException.Problem.OVERSIZED,
                what + ": " + field + " size " + n + " exceeds " + max);
        }
        need(n, field);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    void end() throws TpmFormatException {
        if (pos != buf.length) {
            throw new TpmFormatException(TpmFormatException.Problem.TRAILING_BYTES,
                what + " has " + (buf.length - pos) + " trailing bytes");
        }
    }
}
