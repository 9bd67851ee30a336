package io.boat.agent.release;

import io.boat.agent.Agent;
import io.boat.agent.StateDir;
import io.boat.agent.service.AttestationApi;
import io.boat.agent.service.KeyManagerClient;
import io.boat.agent.service.SecretRef;
import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.BindKey;
import io.boat.agent.tpm.TpmAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * One attested release: ask BOAT for the secret naming this host's enrolled AK, then unwrap the answer
 * inside the TPM with the enrolled bind key. The plaintext key exists only in this process, never on
 * the wire; BOAT's refusal (e.g. 401 naming the PCR that differs) arrives as a
 * {@link io.boat.agent.service.KeyManagerException} carrying BOAT's reason.
 */
public final class AttestedRelease {
    private final KeyManagerClient client;
    private final StateDir state;
    private final TpmAddress tpm;
    private final AttestationApi attestFirst;

    public AttestedRelease(KeyManagerClient client, StateDir state, TpmAddress tpm) {
        this(client, state, tpm, null);
    }

    /**
     * With {@code attestFirst}, every fetch starts with a challenge–quote round trip there, so the trust
     * report BOAT reads is fresh (BOAT refuses reports older than the secret's maximum age), and an
     * untrusted verdict stops the fetch before BOAT is asked.
     */
    public AttestedRelease(KeyManagerClient client, StateDir state, TpmAddress tpm, AttestationApi attestFirst) {
        this.client = client;
        this.state = state;
        this.tpm = tpm;
        this.attestFirst = attestFirst;
    }

    /** The key bytes; the caller wipes them. */
    public byte[] fetch(SecretRef secret, WrapFormat format) {
        Properties rec = state.record();
        String akName = rec.getProperty("akName");
        BindKey bind = state.bindKey().orElse(null);
        if (akName == null || bind == null || rec.getProperty("bindKeyName") == null) {
            throw new NotEnrolledException("this host has no registered bind key; run 'enroll' first (state directory "
                + state.path() + ")");
        }
        // The TPM is opened first: a host whose TPM is unreachable has no business asking for a release.
        try (AgentTpm t = AgentTpm.open(tpm)) {
            if (attestFirst != null) {
                AttestationApi.Verdict verdict = new Agent(t, attestFirst, state).attest(List.of()).verdict();
                if (!verdict.trusted()) {
                    throw new HostNotTrustedException(verdict.reasons());
                }
            }
            byte[] answer = client.release(secret, akName, format.mediaType());
            try {
                return new BindKeyUnwrapper(t, bind).unwrap(format, answer);
            } finally {
                Arrays.fill(answer, (byte) 0);
            }
        }
    }
}
