package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.release.AkName;
import io.boat.kms.release.AttestationHostReports;
import io.boat.kms.release.AttestationUnavailableException;
import io.boat.kms.release.AttestedHost;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The attestation service goes away between two releases: the cached report still serves the second
 * while the policy's maximum age allows, and a request that needs a fresh report fails as unavailable
 * (connection refused), without waiting for anything. Its own host and service, since it stops the service.
 */
class AttestationServiceStoppedIT {

    @Test
    void current_serviceStoppedAfterFirstReport_cacheServesThenFreshReportIsUnavailable() throws Exception {
        try (EnrolledHost host = EnrolledHost.start()) {
            AttestationHostReports reports = host.reports(Map.of());
            AkName ak = new AkName(host.akName());
            AttestedHost first = reports.current(ak, Duration.ofMinutes(10));
            assertThat(first.trusted()).isTrue();

            host.stopService();

            AttestedHost second = reports.current(ak, Duration.ofMinutes(10));
            assertThat(second.reportId()).isEqualTo(first.reportId());
            assertThat(second.bindKey().verifiedTarget(second.reportId()).nameHex()).isEqualTo(host.bindKeyName());
            assertThatThrownBy(() -> reports.current(ak, Duration.ZERO))
                .isInstanceOf(AttestationUnavailableException.class).hasMessageContaining("cannot be reached")
                .satisfies(e -> assertThat(((AttestationUnavailableException) e).clientMessage())
                    .isEqualTo("The attestation service is unavailable."));
        }
    }
}
