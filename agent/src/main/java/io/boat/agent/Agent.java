package io.boat.agent;

import io.boat.agent.service.AttestationApi;
import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.KeyBlob;
import io.boat.agent.tpm.Templates;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

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
    public record EnrollResult(String hostId, String akName, String bindKeyName, boolean alreadyEnrolled) {
    }

    /** What one attestation round trip produced. */
    public record AttestResult(String akName, List<Integer> pcrs, AttestationApi.Verdict verdict, long millis) {
    }

    public EnrollResult enroll(String hostname) {
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
        KeyBlob bind = state.key("bind").orElseGet(() -> {
            KeyBlob k = tpm.createBindKey(Templates.BIND_KEY_ATTRIBUTES);
            state.saveKey("bind", k);
            return k;
        });
        if (rec.getProperty("bindKeyName") == null) {
            // Certified over a fresh service nonce, so the service can tell this registration from a replay.
            byte[] nonce = api.challenge(akName).nonce();
            AgentTpm.Signed cert = tpm.certify(bind, ak, nonce);
            rec.setProperty("bindKeyName", api.registerBindKey(akName, nonce, bind.publicArea(), cert.attest(),
                cert.signature()));
            state.saveRecord(rec);
        }
        return new EnrollResult(rec.getProperty("hostId"), akName, rec.getProperty("bindKeyName"), already);
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
