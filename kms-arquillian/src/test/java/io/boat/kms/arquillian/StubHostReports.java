package io.boat.kms.arquillian;

import io.boat.kms.release.AkName;
import io.boat.kms.release.AttestedHost;
import io.boat.kms.release.HostReports;
import io.boat.kms.release.ReleaseKeys;
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
 * The attestation service's answers for two hosts, enabled in the test WAR in place of the
 * attestation-service client ({@code AttestationHostReports}) so the container's interceptor is judged
 * on known reports: {@link #TRUSTED_AK} is trusted with a bind key that wraps to
 * {@link ReleaseKeys#PAIR}; every other AK is a host whose PCR 7 changed after enrollment (untrusted).
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class StubHostReports implements HostReports {

    static final AkName TRUSTED_AK = AkName.parse("000b" + "7a".repeat(32));
    static final String TRUSTED_REPORT_ID = "report-trusted-arq";
    static final String UNTRUSTED_REPORT_ID = "report-untrusted-arq";
    static final String UNTRUSTED_REASON = "PCR 7 does not match the host group's reference value";
    static final String HOST_GROUP = "edge";

    private final Queue<AkName> asked = new ConcurrentLinkedQueue<>();

    @Override
    public AttestedHost current(AkName akName, Duration maxAge) {
        asked.add(akName);
        Instant now = Instant.now();
        boolean trusted = TRUSTED_AK.equals(akName);
        return new AttestedHost(akName, trusted ? TRUSTED_REPORT_ID : UNTRUSTED_REPORT_ID, trusted,
            trusted ? List.of() : List.of(UNTRUSTED_REASON), HOST_GROUP, null, null, now.minusSeconds(5),
            now.plusSeconds(600), trusted ? ReleaseKeys.evidence(false) : null);
    }

    /** Whether the release path asked for {@code akName}'s report. */
    public boolean wasAskedFor(AkName akName) {
        return asked.contains(akName);
    }
}
