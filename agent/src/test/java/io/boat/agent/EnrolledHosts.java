package io.boat.agent;

import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.KeyBlob;
import io.boat.agent.tpm.TpmAddress;
import io.boat.testing.Swtpm;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * Agent state directories of hosts enrolled on a real swtpm: an AK recorded as activated (what a
 * completed credential activation leaves), then {@link Agent#enroll} itself creating, certifying and
 * registering the bind key with a {@link FakeAttestationApi}.
 */
public final class EnrolledHosts {
    private EnrolledHosts() {
    }

    /** Enrolls into {@code stateDir}; {@code pcrBound} binds the bind key to {@code pcrs}' current values. */
    public static Agent.EnrollResult enroll(Swtpm swtpm, Path stateDir, FakeAttestationApi api, boolean pcrBound,
                                            List<Integer> pcrs) {
        StateDir state = new StateDir(stateDir);
        try (AgentTpm tpm = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()))) {
            if (state.key("ak").isEmpty()) {
                KeyBlob ak = tpm.createAttestationKey();
                state.saveKey("ak", ak);
                Properties rec = state.record();
                rec.setProperty("hostId", "host-1");
                rec.setProperty("akName", HexFormat.of().formatHex(ak.name()));
                rec.setProperty("activated", "true");
                state.saveRecord(rec);
            }
            return new Agent(tpm, api, state).enroll("test-host", pcrBound, pcrs);
        }
    }
}
