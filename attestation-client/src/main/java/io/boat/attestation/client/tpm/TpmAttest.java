package io.boat.attestation.client.tpm;


import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A TPMS_ATTEST (TPM 2.0 Part 2, 10.12.12) of type quote or certify. Parsing checks only the wire
 * format; the verifiers decide whether magic, type and contents are acceptable.
 */
public final class TpmAttest {
    /** TPM_GENERATED_VALUE: "\xffTCG". */
    public static final int TPM_GENERATED_VALUE = 0xff544347;
    public static final int ST_ATTEST_CERTIFY = 0x8017;
    public static final int ST_ATTEST_QUOTE = 0x8018;

    /** One TPMS_PCR_SELECTION: a hash bank and the PCR indexes selected in it, ascending. */
    public record PcrSelection(int hashAlg, List<Integer> pcrs) {
    }

    private final int magic;
    private final int type;
    private final byte[] qualifiedSigner;
    private final byte[] extraData;
    private final long clock;
    private final int resetCount;
    private final int restartCount;
    private final List<PcrSelection> pcrSelections;
    private final byte[] pcrDigest;
    private final byte[] certifiedName;

    private TpmAttest(TpmReader r) throws TpmFormatException {
        magic = (int) r.u32("magic");
        type = r.u16("type");
        qualifiedSigner = r.sized("qualifiedSigner", 68);
        extraData = r.sized("extraData", 64);
        clock = r.u64("clockInfo.clock");
        resetCount = (int) r.u32("clockInfo.resetCount");
        restartCount = (int) r.u32("clockInfo.restartCount");
        r.u8("clockInfo.safe");
        r.u64("firmwareVersion");
        if (type == ST_ATTEST_QUOTE) {
            pcrSelections = readSelections(r);
            pcrDigest = r.sized("pcrDigest", 64);
            certifiedName = null;
        } else if (type == ST_ATTEST_CERTIFY) {
            certifiedName = r.sized("certify.name", 68);
            r.sized("certify.qualifiedName", 68);
            pcrSelections = List.of();
            pcrDigest = null;
        } else {
            throw new TpmFormatException(TpmFormatException.Problem.UNSUPPORTED, String.format("attestation type 0x%04x is neither quote nor certify", type));
        }
    }

    private static List<PcrSelection> readSelections(TpmReader r) throws TpmFormatException {
        long count = r.u32("pcrSelect.count");
        if (count > 16) {
            throw new TpmFormatException(TpmFormatException.Problem.OVERSIZED, "pcrSelect.count " + count + " exceeds 16");
        }
        List<PcrSelection> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int hash = r.u16("pcrSelections.hash");
            int sizeofSelect = r.u8("pcrSelections.sizeofSelect");
            if (sizeofSelect > 4) {
                throw new TpmFormatException(TpmFormatException.Problem.OVERSIZED, "sizeofSelect " + sizeofSelect + " exceeds 4");
            }
            byte[] bits = r.bytes(sizeofSelect, "pcrSelections.pcrSelect");
            List<Integer> pcrs = new ArrayList<>();
            for (int pcr = 0; pcr < sizeofSelect * 8; pcr++) {
                if ((bits[pcr / 8] & (1 << (pcr % 8))) != 0) {
                    pcrs.add(pcr);
                }
            }
            out.add(new PcrSelection(hash, Collections.unmodifiableList(pcrs)));
        }
        return Collections.unmodifiableList(out);
    }

    /** Parses the attestation bytes exactly as the TPM signed them (TPM2B_ATTEST contents). */
    public static TpmAttest parse(byte[] attest) throws TpmFormatException {
        TpmReader r = new TpmReader(attest, "TPMS_ATTEST");
        TpmAttest a = new TpmAttest(r);
        r.end();
        return a;
    }

    public int magic() { return magic; }
    public int type() { return type; }
    public byte[] qualifiedSigner() { return qualifiedSigner.clone(); }
    public byte[] extraData() { return extraData.clone(); }
    public long clock() { return clock; }
    public int resetCount() { return resetCount; }
    public int restartCount() { return restartCount; }
    public List<PcrSelection> pcrSelections() { return pcrSelections; }
    public byte[] pcrDigest() { return pcrDigest == null ? null : pcrDigest.clone(); }
    public byte[] certifiedName() { return certifiedName == null ? null : certifiedName.clone(); }
}
