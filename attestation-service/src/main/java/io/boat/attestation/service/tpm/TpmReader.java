package io.boat.attestation.service.tpm;

import java.util.Arrays;

/** Big-endian reader over a TPM-marshalled buffer; every read checks the remaining length first. */
final class TpmReader {
    private final byte[] buf;
    private int pos;
    private final String what;

    TpmReader(byte[] buf, String what) {
        this.buf = buf;
        this.what = what;
    }

    int position() {
        return pos;
    }

    byte[] slice(int from, int to) {
        return Arrays.copyOfRange(buf, from, to);
    }

    private void need(int n, String field) throws TpmFormatException {
        if (n < 0 || buf.length - pos < n) {
            throw new TpmFormatException(what + " truncated reading " + field + " at offset " + pos);
        }
    }

    int u8(String field) throws TpmFormatException {
        need(1, field);
        return buf[pos++] & 0xff;
    }

    int u16(String field) throws TpmFormatException {
        need(2, field);
        int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    int u32(String field) throws TpmFormatException {
        need(4, field);
        int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8) | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    long u64(String field) throws TpmFormatException {
        long hi = u32(field) & 0xffffffffL;
        long lo = u32(field) & 0xffffffffL;
        return (hi << 32) | lo;
    }

    byte[] bytes(int n, String field) throws TpmFormatException {
        need(n, field);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** A TPM2B: 16-bit size then that many bytes, at most {@code max}. */
    byte[] sized(String field, int max) throws TpmFormatException {
        int n = u16(field + ".size");
        if (n > max) {
            throw new TpmFormatException(what + ": " + field + " size " + n + " exceeds " + max);
        }
        return bytes(n, field);
    }

    void end() throws TpmFormatException {
        if (pos != buf.length) {
            throw new TpmFormatException(what + " has " + (buf.length - pos) + " trailing bytes");
        }
    }
}
