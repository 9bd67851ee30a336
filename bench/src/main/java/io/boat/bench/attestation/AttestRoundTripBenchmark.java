package io.boat.bench.attestation;

import io.boat.agent.Agent;
import io.boat.agent.StateDir;
import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.TpmAddress;
import io.boat.attestation.service.application.AttestationService;
import io.boat.attestation.service.application.AttestationSettings;
import io.boat.attestation.service.application.TrustReportSigner;
import io.boat.attestation.service.infrastructure.memory.InMemoryAttestationRepository;
import io.boat.attestation.service.testsupport.InProcessAttestationApi;
import io.boat.attestation.service.verify.EkCertificateValidator;
import io.boat.testing.Swtpm;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one full {@code attest}: open the swtpm connection (and flush), get a nonce, load the
 * AK, TPM2_Quote over PCRs 0-7, read the PCRs, verify and evaluate against the policy, sign the
 * trust report (RS256). The service core runs in-process (no HTTP, in-memory repository).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AttestRoundTripBenchmark {
    private Swtpm swtpm;
    private AttestationService service;
    private StateDir state;

    @Setup(Level.Trial)
    public void enroll() throws Exception {
        swtpm = Swtpm.start();
        service = new AttestationService(new InMemoryAttestationRepository(), new EkCertificateValidator(swtpm.caCertificates()),
            TrustReportSigner.ephemeral(), AttestationSettings.defaults(), Clock.systemUTC(), new SecureRandom());
        state = new StateDir(Files.createTempDirectory(swtpm.dir(), "agent"));
        try (AgentTpm tpm = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()))) {
            new Agent(tpm, new InProcessAttestationApi(service), state).enroll("bench-host");
            Map<Integer, Set<String>> policy = new TreeMap<>();
            tpm.readPcrs(new int[] {0, 1, 2, 3, 4, 5, 6, 7})
                .forEach((pcr, v) -> policy.put(pcr, Set.of(HexFormat.of().formatHex(v))));
            service.setReferenceValues("default", policy);
        }
        if (!attest()) {
            throw new IllegalStateException("benchmark host is not trusted");
        }
    }

    @Benchmark
    public boolean attest() {
        try (AgentTpm tpm = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()))) {
            return new Agent(tpm, new InProcessAttestationApi(service), state).attest(List.of()).verdict().trusted();
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        swtpm.close();
    }
}
