package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.boat.kms.release.AkName;
import io.boat.kms.release.AttestationHostReports;
import io.boat.kms.release.AttestationUnavailableException;
import io.boat.kms.release.AttestedHost;
import io.boat.kms.release.BindKeyTarget;
import io.boat.kms.release.ReleaseRefusedException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BOAT's trust-report source (kms-ejb's AttestationHostReports with attestation-client's rest client
 * and JWS verifier) against the real attestation service on Payara Micro with a real swtpm host.
 */
class AttestationHostReportsIT {
    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static EnrolledHost host;

    @BeforeAll
    static void start() throws Exception {
        host = EnrolledHost.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void current_trustedHost_isTrustedWithVerifiedBindKeyFromSignedReport() {
        AttestedHost report = host.reports(Map.of()).current(new AkName(host.akName()), MAX_AGE);

        assertThat(report.trusted()).as("reasons %s", report.reasons()).isTrue();
        assertThat(report.reasons()).isEmpty();
        assertThat(report.hostGroup()).isEqualTo("it-hosts");
        assertThat(report.location()).isEqualTo("dc1/rack-7");
        assertThat(report.assetTag()).isEqualTo("A-1");
        assertThat(report.expiresAt()).isAfter(report.verifiedAt());
        BindKeyTarget target = report.bindKey().verifiedTarget(report.reportId());
        assertThat(target.nameHex()).isEqualTo(host.bindKeyName());
        assertThat(target.reportId()).isEqualTo(report.reportId());
        // The agent's bind key has userWithAuth set and no PCR policy.
        assertThat(report.bindKey().pcrBound()).isFalse();
    }

    @Test
    void current_unknownAk_isRefusedAsHostUnknown() {
        AttestationHostReports reports = host.reports(Map.of());

        assertThatThrownBy(() -> reports.current(new AkName("000b" + "0".repeat(64)), MAX_AGE))
            .isInstanceOfSatisfying(ReleaseRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(ReleaseRefusedException.Reason.HOST_UNKNOWN));
    }

    @Test
    void current_keysPinnedToTheServicesSet_verifiesWithoutFetching() throws Exception {
        AttestationHostReports reports = host.reports(Map.of("boat.release.attestation-keys", host.get("v1/keys")));

        assertThat(reports.current(new AkName(host.akName()), MAX_AGE).trusted()).isTrue();
    }

    @Test
    void current_keysPinnedInAFile_verifiesWithoutFetching() throws Exception {
        Path pin = Files.createTempFile("boat-attestation-keys", ".json");
        try {
            Files.writeString(pin, host.get("v1/keys"));
            AttestationHostReports reports = host.reports(Map.of("boat.release.attestation-keys", pin.toString()));

            assertThat(reports.current(new AkName(host.akName()), MAX_AGE).trusted()).isTrue();
        } finally {
            Files.delete(pin);
        }
    }

    @Test
    void verifier_pinnedValueThatIsNeitherSetNorFile_isRefusedRatherThanFetching() {
        assertThatThrownBy(() -> host.reports(Map.of("boat.release.attestation-keys", "/no/such/keys.json")))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("boat.release.attestation-keys");
    }

    @Test
    void current_keysPinnedToAnotherIssuer_isUnavailable() throws Exception {
        String otherSet = new JWKSet(new RSAKeyGenerator(2048).keyID("other").generate().toPublicJWK()).toString();
        AttestationHostReports reports = host.reports(Map.of("boat.release.attestation-keys", otherSet));

        assertThatThrownBy(() -> reports.current(new AkName(host.akName()), MAX_AGE))
            .isInstanceOf(AttestationUnavailableException.class).hasMessageContaining("unknown key");
    }

    @Test
    void current_noServiceUrlConfigured_isUnavailableSayingWhy() {
        AttestationHostReports reports = EnrolledHost.reports(Map.of(), Clock.systemUTC());

        assertThatThrownBy(() -> reports.current(new AkName(host.akName()), MAX_AGE))
            .isInstanceOf(AttestationUnavailableException.class).hasMessageContaining("mp-rest/url is not configured");
    }

    @Test
    void current_serviceThatAcceptsButNeverAnswers_isUnavailableAfterTheReadTimeout() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            AttestationHostReports reports = EnrolledHost.reports(Map.of(
                "attestation-service/mp-rest/url", "http://127.0.0.1:" + silent.getLocalPort() + "/attestation-service/api",
                "attestation-service/mp-rest/readTimeout", "1000"), Clock.systemUTC());

            // A bound on the wait, not a timing assertion: without a read timeout this call would never return.
            Throwable failure = CompletableFuture.supplyAsync(() -> {
                try {
                    reports.current(new AkName(host.akName()), MAX_AGE);
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }).get(2, TimeUnit.MINUTES);

            assertThat(failure).isInstanceOf(AttestationUnavailableException.class)
                .hasMessageContaining("cannot be reached");
            assertThat(((AttestationUnavailableException) failure).getMessage()).contains(host.akName());
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
