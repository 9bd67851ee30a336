package io.boat.attestation.client.tpm;

import java.util.Arrays;

/**
 * Big-endian reader over a TPM-marshalled buffer; every read checks the remaining length first. Public so
 * that the attestation service parses its quote and signature structures with the same bounds checks.
 */
public final class TpmReader {
    private final byte[] buf;
    private final String what;
    private int pos;

    public TpmReader(byte[] buf, String what) {
        this.buf = buf;
        this.what = what;
    }

    private void need(int n, String field) throws TpmFormatException {
        if (n < 0 || buf.length - pos < n) {
            throw new TpmFormatException(TpmFormatException.Problem.TRUNCATED,
                what + " truncated reading " + field + " at offset " + pos);
        }
    }

    public int u8(String field) throws TpmFormatException {
        need(1, field);
        return buf[pos++] & 0xff;
    }

    public int u16(String field) throws TpmFormatException {
        need(2, field);
        int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    public long u32(String field) throws TpmFormatException {
        need(4, field);
        long v = ((buf[pos] & 0xffL) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
            | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    public long u64(String field) throws TpmFormatException {
        return (u32(field) << 32) | u32(field);
    }

    public byte[] bytes(int n, String field) throws TpmFormatException {
        need(n, field);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** A TPM2B: 16-bit size then that many bytes, refused before reading when the size exceeds {@code max}. */
    public byte[] sized(String field, int max) throws TpmFormatException {
        int n = u16(field + ".size");
        if (n > max) {
            throw new TpmFormatException(TpmFormatException.Problem.OVERSIZED,
                what + ": " + field + " size " + n + " exceeds " + max);
        }
        return bytes(n, field);
    }

    public void end() throws TpmFormatException {
        if (pos != buf.length) {
            throw new TpmFormatException(TpmFormatException.Problem.TRAILING_BYTES,
                what + " has " + (buf.length - pos) + " trailing bytes");
        }
    }
}
