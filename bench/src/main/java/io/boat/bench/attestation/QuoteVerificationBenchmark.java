package io.boat.bench.attestation;

import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.KeyBlob;
import io.boat.agent.tpm.TpmAddress;
import io.boat.attestation.client.tpm.TpmPublic;
import io.boat.attestation.service.verify.QuoteVerifier;
import io.boat.testing.Swtpm;
import java.util.List;
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
 * Quote verifications per second (plain JCE: parse, RSA-2048 PKCS#1 v1.5 signature, nonce, PCR
 * selection and digest) of a real quote over PCRs 0-7 made once by a swtpm in setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QuoteVerificationBenchmark {
    private final QuoteVerifier verifier = new QuoteVerifier();
    private TpmPublic ak;
    private byte[] nonce;
    private QuoteVerifier.Evidence evidence;

    @Setup(Level.Trial)
    public void quoteOnSwtpm() throws Exception {
        try (Swtpm swtpm = Swtpm.start();
             AgentTpm tpm = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()))) {
            KeyBlob key = tpm.createAttestationKey();
            nonce = new byte[32];
            new java.security.SecureRandom().nextBytes(nonce);
            AgentTpm.Signed q = tpm.quote(key, nonce, List.of(0, 1, 2, 3, 4, 5, 6, 7));
            ak = TpmPublic.parse(key.publicArea());
            evidence = new QuoteVerifier.Evidence(q.attest(), q.signature(), q.pcrValues());
        }
        verifier.verify(ak, nonce, evidence);
    }

    @Benchmark
    public QuoteVerifier.VerifiedQuote verifyQuote() throws Exception {
        return verifier.verify(ak, nonce, evidence);
    }

    @TearDown(Level.Trial)
    public void done() {
        // swtpm already stopped after setup
    }
}
