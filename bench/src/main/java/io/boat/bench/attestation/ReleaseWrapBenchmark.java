package io.boat.bench.attestation;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import io.boat.kms.crypto.Rng;
import io.boat.kms.crypto.SecretBytes;
import io.boat.kms.release.BindKeyTarget;
import io.boat.kms.release.JweWrap;
import io.boat.kms.release.TpmOaepWrap;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-release CPU cost of wrapping a 32-byte key to a host's RSA-2048 bind key, on the KMS side
 * (issue 9): BOAT's JCE-only {@link JweWrap} against the Nimbus JOSE construction it replaced (kept
 * here only as the baseline), the raw {@link TpmOaepWrap}, the bare RSA-OAEP public-key operation
 * both contain, and the target building every release did before the target was cached with the
 * report. Run with {@code -t 16} as well: the HTTP benchmark's 16 connections share one SecureRandom.
 * On a shared machine JMH's wall-clock times swing with the load; {@link #main} measures each method's
 * thread CPU time per call instead:
 * {@code java -cp bench/target/benchmarks.jar io.boat.bench.attestation.ReleaseWrapBenchmark [CALLS] [ROUNDS]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReleaseWrapBenchmark {
    private static final OAEPParameterSpec OAEP_256 = new OAEPParameterSpec("SHA-256", "MGF1",
        MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    private final byte[] key = new byte[32];
    private RSAPublicKey bindKey;
    private byte[] name;
    private BindKeyTarget target;

    @Setup
    public void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        bindKey = (RSAPublicKey) g.generateKeyPair().getPublic();
        name = new byte[34];
        name[1] = 0x0b;
        target = new BindKeyTarget(bindKey, name, "0f1e2d3c-report");
    }

    @Benchmark
    public String jweJce() {
        return JweWrap.wrap(SecretBytes.copyOf(key), target);
    }

    /** JweWrap as it was up to 9e5132f: Nimbus header, encrypter and serialisation per release. */
    @Benchmark
    public String jweNimbusBaseline() throws Exception {
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
            .keyID(target.nameHex()).customParam(JweWrap.REPORT_ID_HEADER, target.reportId()).build();
        JWEObject jwe = new JWEObject(header, new Payload(key.clone()));
        jwe.encrypt(new RSAEncrypter(target.publicKey(), new SecretKeySpec(Rng.bytes(32), "AES")));
        return jwe.serialize();
    }

    @Benchmark
    public byte[] raw() {
        return TpmOaepWrap.wrap(SecretBytes.copyOf(key), target);
    }

    /** The RSA-OAEP-256 encryption of a 32-byte content key alone: the floor of both formats. */
    @Benchmark
    public byte[] rsaOaepOnly() throws Exception {
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.ENCRYPT_MODE, bindKey, OAEP_256, Rng.get());
        return rsa.doFinal(key);
    }

    /** Median over ROUNDS of the thread CPU time per call (CALLS calls a round, after as many warm-up calls). */
    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ReleaseWrapBenchmark b = new ReleaseWrapBenchmark();
        b.keys();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (Method m : ReleaseWrapBenchmark.class.getMethods()) {
            if (!m.isAnnotationPresent(Benchmark.class)) {
                continue;
            }
            for (int i = 0; i < calls; i++) {
                m.invoke(b);
            }
            double[] perCall = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    m.invoke(b);
                }
                perCall[r] = (cpu.getCurrentThreadCpuTime() - t0) / 1000.0 / calls;
            }
            Arrays.sort(perCall);
            System.out.printf("%-20s %8.1f us CPU/call (median of %d rounds of %d; min %.1f, max %.1f)%n", m.getName(),
                perCall[rounds / 2], rounds, calls, perCall[0], perCall[rounds - 1]);
        }
    }

    /** What every release did before the target was kept with the cached report. */
    @Benchmark
    public BindKeyTarget targetPerRelease() throws Exception {
        RSAPublicKey rebuilt = (RSAPublicKey) KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(new BigInteger(1, bindKey.getModulus().toByteArray()), bindKey.getPublicExponent()));
        return new BindKeyTarget(rebuilt, name, "0f1e2d3c-report");
    }
}
