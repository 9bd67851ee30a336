package io.boat.agent.release;

import io.boat.agent.StateDir;
import io.boat.agent.service.KeyManagerClient;
import io.boat.agent.service.SecretRef;
import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.BindKey;
import io.boat.agent.tpm.TpmAddress;
import java.util.Arrays;
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

    public AttestedRelease(KeyManagerClient client, StateDir state, TpmAddress tpm) {
        this.client = client;
        this.state = state;
        this.tpm = tpm;
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
        byte[] answer = client.release(secret, akName, format.mediaType());
        try (AgentTpm t = AgentTpm.open(tpm)) {
            return new BindKeyUnwrapper(t, bind).unwrap(format, answer);
        } finally {
            Arrays.fill(answer, (byte) 0);
        }
    }
}
