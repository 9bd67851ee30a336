package io.boat.agent.tpm;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import tss.Tpm;
import tss.TpmDevice;
import tss.TpmDeviceLinux;
import tss.TpmException;
import tss.tpm.CertifyResponse;
import tss.tpm.CreatePrimaryResponse;
import tss.tpm.CreateResponse;
import tss.tpm.GetCapabilityResponse;
import tss.tpm.NV_ReadPublicResponse;
import tss.tpm.PCR_ReadResponse;
import tss.tpm.QuoteResponse;
import tss.tpm.StartAuthSessionResponse;
import tss.tpm.TPM2B_PRIVATE;
import tss.tpm.TPML_HANDLE;
import tss.tpm.TPMS_ID_OBJECT;
import tss.tpm.TPMS_NULL_SIG_SCHEME;
import tss.tpm.TPMS_PCR_SELECTION;
import tss.tpm.TPMS_SCHEME_OAEP;
import tss.tpm.TPMS_SENSITIVE_CREATE;
import tss.tpm.TPMT_PUBLIC;
import tss.tpm.TPMT_SIGNATURE;
import tss.tpm.TPMT_SYM_DEF;
import tss.tpm.TPM_ALG_ID;
import tss.tpm.TPM_CAP;
import tss.tpm.TPM_HANDLE;
import tss.tpm.TPM_RC;
import tss.tpm.TPM_RH;
import tss.tpm.TPM_SE;

/**
 * The agent's TPM operations, with TSS.Java. The EK and the storage root key are persisted at the
 * TCG-recommended handles; the AK and bind key are children of the SRK kept as blobs by the caller.
 * Every transient object or session this class loads is flushed before the method returns, and
 * {@link #open} flushes what earlier clients left (swtpm has no resource manager).
 */
public final class AgentTpm implements AutoCloseable {
    public static final int EK_HANDLE = 0x81010001;
    public static final int SRK_HANDLE = 0x81000001;
    public static final int EK_CERT_NV_INDEX = 0x01C00002;

    private final Tpm tpm;
    private final SecureRandom random = new SecureRandom();

    private AgentTpm(Tpm tpm) {
        this.tpm = tpm;
    }

    public static AgentTpm open(TpmAddress address) {
        address.requirePresent();
        TpmDevice device = address.isDevice() ? new TpmDeviceLinux() : new SwtpmSocketDevice(address.host(), address.port());
        try {
            if (!device.connect()) {
                throw new TpmUnavailableException("no TPM: cannot open " + address);
            }
        } catch (TpmException e) {
            throw new TpmUnavailableException("no TPM: cannot open " + address + ": " + e.getMessage(), e);
        }
        Tpm tpm = new Tpm();
        tpm._setDevice(device);
        AgentTpm agentTpm = new AgentTpm(tpm);
        agentTpm.flushTransients();
        return agentTpm;
    }

    /** Flushes all transient objects and loaded sessions (left behind by crashed or foreign clients). */
    public int flushTransients() {
        int flushed = 0;
        for (int first : new int[] {0x80000000, 0x02000000, 0x03000000}) {
            GetCapabilityResponse caps = tpm.GetCapability(TPM_CAP.HANDLES, first, 64);
            for (TPM_HANDLE h : ((TPML_HANDLE) caps.capabilityData).handle) {
                if ((h.handle & 0xff000000) == (first & 0xff000000)) {
                    tpm.FlushContext(h);
                    flushed++;
                }
            }
        }
        return flushed;
    }

    /** The EK's TPMT_PUBLIC, creating and persisting the EK (TCG template L-1) on first use. */
    public byte[] endorsementKey() {
        return ensurePersisted(EK_HANDLE, TPM_RH.ENDORSEMENT, Templates.endorsementKey()).toBytes();
    }

    /** The EK certificate (DER, trailing NV padding removed), or null when the TPM has none. */
    public byte[] ekCertificate() {
        TPM_HANDLE index = TPM_HANDLE.from(EK_CERT_NV_INDEX);
        NV_ReadPublicResponse pub;
        try {
            pub = tpm._allowErrors().NV_ReadPublic(index);
            if (!tpm._lastCommandSucceeded()) {
                return null;
            }
        } catch (TpmException e) {
            return null;
        }
        int size = pub.nvPublic.dataSize;
        byte[] data = new byte[size];
        for (int off = 0; off < size; off += 512) {
            int n = Math.min(512, size - off);
            byte[] chunk = tpm.NV_Read(index, index, n, off);
            System.arraycopy(chunk, 0, data, off, chunk.length);
        }
        return trimDer(data);
    }

    public KeyBlob createAttestationKey() {
        return create(Templates.attestationKey());
    }

    public KeyBlob createBindKey(int attributes) {
        return create(Templates.bindKey(attributes));
    }

    /**
     * A bind key that only a TPM2_PolicyPCR session over the CURRENT SHA-256 values of {@code pcrs} can use
     * (userWithAuth clear, so a password session is refused). The policy digest comes from a trial session,
     * i.e. the TPM itself computes it from the values it holds right now.
     */
    public KeyBlob createPcrBoundBindKey(List<Integer> pcrs) {
        byte[] policy = withSession(TPM_SE.TRIAL, session -> {
            tpm.PolicyPCR(session, new byte[0], selection(pcrs));
            return tpm.PolicyGetDigest(session);
        });
        return create(Templates.pcrBoundBindKey(policy));
    }

    private KeyBlob create(TPMT_PUBLIC template) {
        TPM_HANDLE srk = srk();
        CreateResponse r = tpm.Create(srk, new TPMS_SENSITIVE_CREATE(), template, new byte[0], new TPMS_PCR_SELECTION[0]);
        return new KeyBlob(r.outPublic.toBytes(), r.outPrivate.buffer);
    }

    /** TPM2_ActivateCredential: recovers the secret the verifier bound to the AK's name and this TPM's EK. */
    public byte[] activateCredential(KeyBlob ak, byte[] credentialBlob, byte[] encryptedSecret) {
        endorsementKey();
        int hmacSize = ((credentialBlob[0] & 0xff) << 8) | (credentialBlob[1] & 0xff);
        TPMS_ID_OBJECT id = new TPMS_ID_OBJECT(Arrays.copyOfRange(credentialBlob, 2, 2 + hmacSize),
            Arrays.copyOfRange(credentialBlob, 2 + hmacSize, credentialBlob.length));
        TPM_HANDLE akHandle = load(ak);
        StartAuthSessionResponse session = null;
        try {
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            session = tpm.StartAuthSession(TPM_HANDLE.NULL, TPM_HANDLE.NULL, nonce, new byte[0], TPM_SE.POLICY,
                new TPMT_SYM_DEF(), TPM_ALG_ID.SHA256);
            tpm.PolicySecret(TPM_HANDLE.from(TPM_RH.ENDORSEMENT), session.handle, new byte[0], new byte[0], new byte[0], 0);
            return tpm._withSessions(TPM_HANDLE.pwSession(new byte[0]), session.handle)
                .ActivateCredential(akHandle, TPM_HANDLE.persistent(EK_HANDLE & 0x00ffffff), id, encryptedSecret);
        } finally {
            if (session != null) {
                flushQuietly(session.handle);
            }
            tpm.FlushContext(akHandle);
        }
    }

    /** TPM2_Certify of {@code key} by {@code ak}: returns TPMS_ATTEST bytes and TPMT_SIGNATURE bytes. */
    public Signed certify(KeyBlob key, KeyBlob ak, byte[] qualifyingData) {
        TPM_HANDLE akHandle = load(ak);
        TPM_HANDLE keyHandle = null;
        try {
            keyHandle = load(key);
            CertifyResponse r = tpm._withSessions(TPM_HANDLE.pwSession(new byte[0]), TPM_HANDLE.pwSession(new byte[0]))
                .Certify(keyHandle, akHandle, qualifyingData, new TPMS_NULL_SIG_SCHEME());
            return new Signed(r.certifyInfo.toBytes(), new TPMT_SIGNATURE(r.signature).toBytes(), new TreeMap<>());
        } finally {
            if (keyHandle != null) {
                tpm.FlushContext(keyHandle);
            }
            tpm.FlushContext(akHandle);
        }
    }

    /** TPM2_Quote over the SHA-256 bank PCRs with {@code nonce} as qualifying data, and the quoted PCR values. */
    public Signed quote(KeyBlob ak, byte[] nonce, List<Integer> pcrs) {
        int[] selected = pcrs.stream().mapToInt(Integer::intValue).sorted().toArray();
        TPM_HANDLE akHandle = load(ak);
        try {
            TPMS_PCR_SELECTION[] sel = {new TPMS_PCR_SELECTION(TPM_ALG_ID.SHA256, selected)};
            QuoteResponse q = tpm.Quote(akHandle, nonce, new TPMS_NULL_SIG_SCHEME(), sel);
            return new Signed(q.quoted.toBytes(), new TPMT_SIGNATURE(q.signature).toBytes(), readPcrs(selected));
        } finally {
            tpm.FlushContext(akHandle);
        }
    }

    /** SHA-256 bank values of the given PCRs (TPM2_PCR_Read returns at most 8 per call). */
    public SortedMap<Integer, byte[]> readPcrs(int[] pcrs) {
        SortedMap<Integer, byte[]> values = new TreeMap<>();
        List<Integer> remaining = new ArrayList<>();
        Arrays.stream(pcrs).forEach(remaining::add);
        while (!remaining.isEmpty()) {
            int[] ask = remaining.stream().mapToInt(Integer::intValue).toArray();
            PCR_ReadResponse r = tpm.PCR_Read(new TPMS_PCR_SELECTION[] {new TPMS_PCR_SELECTION(TPM_ALG_ID.SHA256, ask)});
            int i = 0;
            List<Integer> got = new ArrayList<>();
            for (TPMS_PCR_SELECTION s : r.pcrSelectionOut) {
                for (int pcr = 0; pcr < s.pcrSelect.length * 8; pcr++) {
                    if ((s.pcrSelect[pcr / 8] & (1 << (pcr % 8))) != 0) {
                        values.put(pcr, r.pcrValues[i++].buffer);
                        got.add(pcr);
                    }
                }
            }
            if (got.isEmpty()) {
                throw new TpmUnavailableException("TPM returned no SHA-256 value for PCRs " + remaining);
            }
            remaining.removeAll(got);
        }
        return values;
    }

    /**
     * RSA-OAEP(SHA-256) decryption inside the TPM with the bind key; {@code label} is the text without its
     * terminating zero byte (the TPM receives it with one), or null for the empty label. An empty
     * {@code policyPcrs} authorises with the (empty) password; otherwise a policy session runs
     * TPM2_PolicyPCR over those PCRs, and the TPM refuses when they no longer hold the values the key's
     * authPolicy was made from ({@link PcrPolicyFailedException}).
     */
    public byte[] unwrap(KeyBlob bindKey, byte[] wrapped, String label, List<Integer> policyPcrs) {
        byte[] l = label == null ? new byte[0] : (label + "\0").getBytes(StandardCharsets.US_ASCII);
        TPM_HANDLE h = load(bindKey);
        try {
            if (policyPcrs.isEmpty()) {
                return tpm.RSA_Decrypt(h, wrapped, new TPMS_SCHEME_OAEP(TPM_ALG_ID.SHA256), l);
            }
            return withSession(TPM_SE.POLICY, session -> {
                tpm.PolicyPCR(session, new byte[0], selection(policyPcrs));
                byte[] plain = tpm._withSession(session)._allowErrors()
                    .RSA_Decrypt(h, wrapped, new TPMS_SCHEME_OAEP(TPM_ALG_ID.SHA256), l);
                if (!tpm._lastCommandSucceeded()) {
                    TPM_RC rc = tpm._getLastResponseCode();
                    if (TPM_RC.POLICY_FAIL.equals(rc)) {
                        throw new PcrPolicyFailedException(policyPcrs);
                    }
                    throw new TpmException("TPM2_RSA_Decrypt failed", rc);
                }
                return plain;
            });
        } finally {
            tpm.FlushContext(h);
        }
    }

    private <T> T withSession(TPM_SE type, Function<TPM_HANDLE, T> body) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        StartAuthSessionResponse session = tpm.StartAuthSession(TPM_HANDLE.NULL, TPM_HANDLE.NULL, nonce, new byte[0],
            type, new TPMT_SYM_DEF(), TPM_ALG_ID.SHA256);
        try {
            return body.apply(session.handle);
        } finally {
            flushQuietly(session.handle);
        }
    }

    private static TPMS_PCR_SELECTION[] selection(List<Integer> pcrs) {
        return new TPMS_PCR_SELECTION[] {new TPMS_PCR_SELECTION(TPM_ALG_ID.SHA256,
            pcrs.stream().mapToInt(Integer::intValue).sorted().toArray())};
    }

    /** TPMS_ATTEST bytes, TPMT_SIGNATURE bytes and (for quotes) the PCR values. */
    public record Signed(byte[] attest, byte[] signature, SortedMap<Integer, byte[]> pcrValues) {
    }

    private TPM_HANDLE load(KeyBlob blob) {
        return tpm.Load(srk(), new TPM2B_PRIVATE(blob.privateBlob()), TPMT_PUBLIC.fromBytes(blob.publicArea()));
    }

    private TPM_HANDLE srk() {
        ensurePersisted(SRK_HANDLE, TPM_RH.OWNER, Templates.storageRootKey());
        return TPM_HANDLE.persistent(SRK_HANDLE & 0x00ffffff);
    }

    private TPMT_PUBLIC ensurePersisted(int handle, TPM_RH hierarchy, TPMT_PUBLIC template) {
        TPM_HANDLE persistent = TPM_HANDLE.persistent(handle & 0x00ffffff);
        var existing = tpm._allowErrors().ReadPublic(persistent);
        if (tpm._lastCommandSucceeded()) {
            return existing.outPublic;
        }
        CreatePrimaryResponse created = tpm.CreatePrimary(TPM_HANDLE.from(hierarchy), new TPMS_SENSITIVE_CREATE(),
            template, new byte[0], new TPMS_PCR_SELECTION[0]);
        try {
            tpm.EvictControl(TPM_HANDLE.from(TPM_RH.OWNER), created.handle, persistent);
        } finally {
            tpm.FlushContext(created.handle);
        }
        return created.outPublic;
    }

    private void flushQuietly(TPM_HANDLE h) {
        try {
            tpm._allowErrors().FlushContext(h);
        } catch (TpmException ignored) {
            // already gone
        }
    }

    /** Cuts a DER SEQUENCE to its encoded length (NV indexes may be larger than the certificate). */
    static byte[] trimDer(byte[] data) {
        if (data.length < 4 || data[0] != 0x30) {
            return data;
        }
        int len;
        int hdr;
        int b = data[1] & 0xff;
        if (b < 0x80) {
            len = b;
            hdr = 2;
        } else {
            int n = b & 0x7f;
            if (n > 3 || data.length < 2 + n) {
                return data;
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (data[2 + i] & 0xff);
            }
            hdr = 2 + n;
        }
        return hdr + len <= data.length ? Arrays.copyOf(data, hdr + len) : data;
    }

    @Override
    public void close() {
        try {
            flushTransients();
        } catch (RuntimeException ignored) {
            // best effort
        }
        try {
            tpm.close();
        } catch (Exception ignored) {
            // closing
        }
    }
}
