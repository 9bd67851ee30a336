package io.boat.bench.attestation;

import io.boat.agent.release.BindKeyUnwrapper;
import io.boat.agent.release.WrappedKeys;
import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.BindKey;
import io.boat.agent.tpm.Templates;
import io.boat.agent.tpm.TpmAddress;
import io.boat.testing.Swtpm;
import java.util.List;
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
 * The cost of the TPM unwrap on the host (issue 9): the agent's {@link BindKeyUnwrapper} against swtpm
 * (load the bind key, TPM2_RSA_Decrypt, flush; for the JWE also AES-256-GCM in JCE), with a plain
 * bind key and with a PCR-bound one (policy session + TPM2_PolicyPCR over PCRs 0-7 on top), and what
 * fetch-key adds per call by opening the TPM connection (which flushes leftovers) first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class TpmUnwrapBenchmark {
    private static final List<Integer> PCRS = List.of(0, 1, 2, 3, 4, 5, 6, 7);
    private Swtpm swtpm;
    private AgentTpm tpm;
    private BindKey plain;
    private BindKey pcrBound;
    private String plainJwe;
    private String pcrBoundJwe;
    private byte[] plainRaw;

    @Setup(Level.Trial)
    public void start() throws Exception {
        swtpm = Swtpm.start();
        tpm = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()));
        plain = new BindKey(tpm.createBindKey(Templates.BIND_KEY_ATTRIBUTES), new TreeMap<>());
        pcrBound = new BindKey(tpm.createPcrBoundBindKey(PCRS), tpm.readPcrs(PCRS.stream().mapToInt(i -> i).toArray()));
        byte[] secret = new byte[32];
        plainJwe = WrappedKeys.nimbusJwe(plain.blob(), plain.nameHex(), secret);
        pcrBoundJwe = WrappedKeys.nimbusJwe(pcrBound.blob(), pcrBound.nameHex(), secret);
        plainRaw = WrappedKeys.jdkRawWrap(plain.blob(), secret);
    }

    @Benchmark
    public byte[] jwePlainBindKey() {
        return new BindKeyUnwrapper(tpm, plain).jwe(plainJwe);
    }

    @Benchmark
    public byte[] rawPlainBindKey() {
        return new BindKeyUnwrapper(tpm, plain).raw(plainRaw);
    }

    @Benchmark
    public byte[] jwePcrBoundBindKey() {
        return new BindKeyUnwrapper(tpm, pcrBound).jwe(pcrBoundJwe);
    }

    /** What fetch-key does per call besides HTTP: connect (and flush), then unwrap. */
    @Benchmark
    public byte[] jweWithTpmConnect() {
        tpm.close();
        tpm = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()));
        return new BindKeyUnwrapper(tpm, plain).jwe(plainJwe);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        tpm.close();
        swtpm.close();
    }
}
