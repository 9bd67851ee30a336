package io.boat.agent;

import io.boat.agent.service.AttestationApi;
import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.BindKey;
import io.boat.agent.tpm.KeyBlob;
import io.boat.agent.tpm.Templates;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Enrollment and attestation, composed of TPM operations and service calls. Keys are reused from
 * the state directory; steps already completed (activation, bind-key registration) are skipped.
 */
public final class Agent {
    private final AgentTpm tpm;
    private final AttestationApi api;
    private final StateDir state;

    public Agent(AgentTpm tpm, AttestationApi api, StateDir state) {
        this.tpm = tpm;
        this.api = api;
        this.state = state;
    }

    /** What enrollment did. */
    public record EnrollResult(String hostId, String akName, String bindKeyName, boolean alreadyEnrolled,
                               List<Integer> bindKeyPcrs) {
    }

    /** What one attestation round trip produced. */
    public record AttestResult(String akName, List<Integer> pcrs, AttestationApi.Verdict verdict, long millis) {
    }

    public EnrollResult enroll(String hostname) {
        return enroll(hostname, false, List.of());
    }

    /**
     * Enrolls; with {@code pcrBound} the bind key gets a TPM2_PolicyPCR authPolicy over the current values of
     * {@code pcrs} (empty: the PCRs the service asks to have quoted, i.e. the host group's reference PCRs),
     * replacing a bind key that is bound otherwise.
     */
    public EnrollResult enroll(String hostname, boolean pcrBound, List<Integer> pcrs) {
        KeyBlob ak = state.key("ak").orElseGet(() -> {
            KeyBlob k = tpm.createAttestationKey();
            state.saveKey("ak", k);
            return k;
        });
        String akName = HexFormat.of().formatHex(ak.name());
        Properties rec = state.record();
        boolean already = "true".equals(rec.getProperty("activated")) && akName.equals(rec.getProperty("akName"));
        if (!already) {
            AttestationApi.EnrollChallenge c = api.enroll(tpm.endorsementKey(), tpm.ekCertificate(), ak.publicArea(), hostname);
            byte[] secret = tpm.activateCredential(ak, c.credentialBlob(), c.encryptedSecret());
            try {
                api.activate(c.hostId(), secret);
            } finally {
                java.util.Arrays.fill(secret, (byte) 0);
            }
            rec.setProperty("hostId", c.hostId());
            rec.setProperty("akName", akName);
            rec.setProperty("activated", "true");
            rec.remove("bindKeyName");
            state.saveRecord(rec);
        }
        AttestationApi.Challenge challenge = null;
        List<Integer> wanted = List.of();
        if (pcrBound) {
            if (pcrs == null || pcrs.isEmpty()) {
                // The PCRs the service quotes are those of the host group's reference values.
                challenge = api.challenge(akName);
                wanted = challenge.pcrs();
            } else {
                wanted = pcrs;
            }
            wanted = wanted.stream().distinct().sorted().toList();
        }
        Optional<BindKey> existing = state.bindKey();
        // A plain enroll keeps whatever bind key there is; --pcr-bound replaces one bound otherwise.
        if (existing.isEmpty() || (pcrBound && !existing.get().policyPcrs().equals(wanted))) {
            BindKey bind = wanted.isEmpty()
                ? new BindKey(tpm.createBindKey(Templates.BIND_KEY_ATTRIBUTES), new TreeMap<>())
                : new BindKey(tpm.createPcrBoundBindKey(wanted), tpm.readPcrs(wanted.stream().mapToInt(i -> i).toArray()));
            state.saveBindKey(rec, bind);
            rec.remove("bindKeyName");
            state.saveRecord(rec);
        }
        BindKey bind = state.bindKey().orElseThrow();
        if (rec.getProperty("bindKeyName") == null) {
            // Certified over a fresh service nonce, so the service can tell this registration from a replay.
            byte[] nonce = (challenge != null ? challenge : api.challenge(akName)).nonce();
            AgentTpm.Signed cert = tpm.certify(bind.blob(), ak, nonce);
            rec.setProperty("bindKeyName", api.registerBindKey(akName, nonce, bind.blob().publicArea(), cert.attest(),
                cert.signature()));
            state.saveRecord(rec);
        }
        return new EnrollResult(rec.getProperty("hostId"), akName, rec.getProperty("bindKeyName"), already,
            bind.policyPcrs());
    }

    /** One challenge–quote–verdict round trip; {@code pcrs} overrides the service's selection when not empty. */
    public AttestResult attest(List<Integer> pcrs) {
        long start = System.nanoTime();
        Properties rec = state.record();
        KeyBlob ak = state.key("ak").orElse(null);
        if (ak == null || !"true".equals(rec.getProperty("activated"))) {
            throw new IllegalStateException("this host is not enrolled; run 'enroll' first (state directory "
                + state.path() + ")");
        }
        String akName = HexFormat.of().formatHex(ak.name());
        AttestationApi.Challenge c = api.challenge(akName);
        List<Integer> selected = pcrs == null || pcrs.isEmpty() ? c.pcrs() : pcrs;
        AgentTpm.Signed q = tpm.quote(ak, c.nonce(), selected);
        AttestationApi.Verdict v = api.submitQuote(akName, c.nonce(), q.attest(), q.signature(), q.pcrValues());
        return new AttestResult(akName, selected, v, (System.nanoTime() - start) / 1_000_000);
    }
}
