package io.boat.attestation.client.tpm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A TPML_PCR_SELECTION (TPM 2.0 Part 2 §10.9.7): PCR indices per hash bank, banks in the order given.
 * That order, then ascending PCR index, is the order in which the TPM concatenates PCR values.
 */
public final class PcrSelection {
    /** PCRs 0..23, the platform PCRs of the PC Client profile; three bytes of select bitmap. */
    static final int PCR_COUNT = 24;
    private static final int SELECT_BYTES = PCR_COUNT / 8;

    private final Map<Integer, SortedSet<Integer>> banks;

    private PcrSelection(Map<Integer, SortedSet<Integer>> banks) {
        this.banks = banks;
    }

    /** One bank; refuses an unknown hash, an empty list, and indices outside 0..23. */
    public static PcrSelection of(int hashAlg, int... pcrs) throws TpmFormatException {
        Map<Integer, SortedSet<Integer>> banks = new LinkedHashMap<>();
        addBank(banks, hashAlg, Arrays.stream(pcrs).boxed().toList());
        return new PcrSelection(banks);
    }

    /** The tpm2-tools PCR list syntax, e.g. {@code sha256:0,1,7} or {@code sha1:0+sha256:0,7}. */
    public static PcrSelection parse(String list) throws TpmFormatException {
        Map<Integer, SortedSet<Integer>> banks = new LinkedHashMap<>();
        for (String bank : list.strip().split("\\+", -1)) {
            String[] parts = bank.split(":", -1);
            Integer alg = parts.length == 2 ? TpmAlg.byToolName(parts[0]) : null;
            if (alg == null) {
                throw new TpmFormatException(TpmFormatException.Problem.UNSUPPORTED, "bad PCR bank '" + bank + "'");
            }
            List<Integer> pcrs = new ArrayList<>();
            for (String pcr : parts[1].split(",", -1)) {
                if (!pcr.matches("[0-9]{1,2}")) {
                    throw new TpmFormatException(TpmFormatException.Problem.UNSUPPORTED, "bad PCR index '" + pcr + "'");
                }
                pcrs.add(Integer.parseInt(pcr));
            }
            addBank(banks, alg, pcrs);
        }
        return new PcrSelection(banks);
    }

    private static void addBank(Map<Integer, SortedSet<Integer>> banks, int hashAlg, List<Integer> pcrs)
            throws TpmFormatException {
        TpmAlg.digest(hashAlg);
        if (pcrs.isEmpty() || banks.containsKey(hashAlg)) {
            throw new TpmFormatException(TpmFormatException.Problem.INCONSISTENT,
                String.format("bank 0x%04x is empty or listed twice", hashAlg));
        }
        SortedSet<Integer> set = new TreeSet<>();
        for (int pcr : pcrs) {
            if (pcr < 0 || pcr >= PCR_COUNT) {
                throw new TpmFormatException(TpmFormatException.Problem.UNSUPPORTED, "PCR " + pcr + " is not in 0..23");
            }
            set.add(pcr);
        }
        banks.put(hashAlg, Collections.unmodifiableSortedSet(set));
    }

    /** Banks (hash algorithm to PCR indices) in selection order. */
    public Map<Integer, SortedSet<Integer>> banks() {
        return Collections.unmodifiableMap(banks);
    }

    /** How many PCR values this selection covers. */
    public int size() {
        return banks.values().stream().mapToInt(SortedSet::size).sum();
    }

    /** The TPML_PCR_SELECTION bytes: count, then per bank hash, sizeofSelect and the bitmap. */
    public byte[] marshal() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = banks.size();
        out.writeBytes(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        banks.forEach((alg, pcrs) -> {
            byte[] select = new byte[SELECT_BYTES];
            pcrs.forEach(pcr -> select[pcr / 8] |= (byte) (1 << (pcr % 8)));
            out.writeBytes(new byte[] {(byte) (alg >>> 8), (byte) (int) alg, SELECT_BYTES});
            out.writeBytes(select);
        });
        return out.toByteArray();
    }

    /**
     * Splits PCR values concatenated in selection order (as {@code tpm2_pcrread -o} writes them) into
     * one value per selected PCR; refuses a buffer whose length does not fit the selection.
     */
    public List<byte[]> splitValues(byte[] concatenated) throws TpmFormatException {
        List<byte[]> values = new ArrayList<>();
        int pos = 0;
        for (Map.Entry<Integer, SortedSet<Integer>> bank : banks.entrySet()) {
            int size = TpmAlg.digest(bank.getKey()).getDigestLength();
            for (int i = 0; i < bank.getValue().size(); i++) {
                if (concatenated.length - pos < size) {
                    throw new TpmFormatException(TpmFormatException.Problem.TRUNCATED,
                        "PCR values end after " + values.size() + " of " + size() + " values");
                }
                values.add(Arrays.copyOfRange(concatenated, pos, pos + size));
                pos += size;
            }
        }
        if (pos != concatenated.length) {
            throw new TpmFormatException(TpmFormatException.Problem.TRAILING_BYTES,
                "PCR values have " + (concatenated.length - pos) + " bytes beyond the selection");
        }
        return values;
    }

    /** The selection in tpm2-tools syntax, e.g. {@code sha256:0,1,7}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        banks.forEach((alg, pcrs) -> s.append(s.length() == 0 ? "" : "+").append(TpmAlg.toolName(alg)).append(':')
            .append(pcrs.toString().replaceAll("[\\[\\] ]", "")));
        return s.toString();
    }
}
