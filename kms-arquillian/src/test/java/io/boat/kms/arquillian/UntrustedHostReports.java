package io.boat.kms.arquillian;

import io.boat.kms.release.AkName;
import io.boat.kms.release.AttestedHost;
import io.boat.kms.release.HostReports;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The attestation service's answer for a host whose PCR 7 changed after enrollment: a fresh, signed-off
 * but untrusted report for every AK. Enabled in the test WAR in place of the attestation-service client
 * ({@code AttestationHostReports}), so the container's interceptor is judged on a known report.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class UntrustedHostReports implements HostReports {

    static final String REPORT_ID = "report-untrusted-arq";
    static final String REASON = "PCR 7 does not match the host group's reference value";

    private final Queue<AkName> asked = new ConcurrentLinkedQueue<>();

    @Override
    public AttestedHost current(AkName akName, Duration maxAge) {
        asked.add(akName);
        Instant now = Instant.now();
        return new AttestedHost(akName, REPORT_ID, false, List.of(REASON), "edge", null, null,
            now.minusSeconds(5), now.plusSeconds(600), null);
    }

    /** Whether the release path asked for {@code akName}'s report. */
    public boolean wasAskedFor(AkName akName) {
        return asked.contains(akName);
    }
}
