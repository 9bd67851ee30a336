package io.boat.bench.kmip;

import io.boat.kmip.api.KeyAlgorithm;
import io.boat.kmip.api.KmipConnection;
import io.boat.kmip.api.KmipConnectionFactory;
import io.boat.kmip.api.KmipObject;
import io.boat.kmip.api.SymmetricKeyRequest;
import io.boat.kmip.outbound.KmipManagedConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Harness (not a test): N Gets of one 256-bit key through the pooled connector vs N Gets by
 * PyKMIP's own Python client in one session, against the same server started with
 * deploy/pykmip/start-pykmip.sh DIR PORT.
 *
 * <p>Usage: {@code java -cp ... io.boat.bench.kmip.PooledGetVsPyKmip DIR PORT [N]}
 */
public final class PooledGetVsPyKmip {

    private static final String SCRIPT = String.join("\n",
            "import sys, time",
            "from kmip.pie.client import ProxyKmipClient",
            "host, port, cert, key, ca, uid, n = sys.argv[1:8]",
            "c = ProxyKmipClient(hostname=host, port=int(port), cert=cert, key=key, ca=ca,",
            "                    ssl_version='PROTOCOL_TLSv1_2', config_file='/dev/null')",
            "with c:",
            "    c.get(uid)",
            "    t = time.perf_counter()",
            "    for _ in range(int(n)):",
            "        c.get(uid)",
            "    print(int(n) / (time.perf_counter() - t))",
            "");

    private PooledGetVsPyKmip() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        String pass = System.getenv().getOrDefault("KMIP_STORE_PASSWORD", "changeit");

        KmipManagedConnectionFactory mcf = new KmipManagedConnectionFactory();
        mcf.setHost("127.0.0.1");
        mcf.setPort(port);
        mcf.setKeyStorePath(dir.resolve("client.p12").toString());
        mcf.setKeyStorePassword(pass);
        mcf.setTrustStorePath(dir.resolve("truststore.p12").toString());
        mcf.setTrustStorePassword(pass);
        KmipConnectionFactory factory = mcf.unmanaged();

        String uid;
        try (KmipConnection c = factory.getConnection()) {
            uid = c.create(new SymmetricKeyRequest(KeyAlgorithm.AES, 256));
            c.activate(uid);
        }
        for (int i = 0; i < Math.min(n, 100); i++) { // warm-up
            get(factory, uid);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            get(factory, uid);
        }
        double javaOps = n / ((System.nanoTime() - t0) / 1e9);

        Path script = Files.createTempFile("pykmip-bench-", ".py");
        Files.writeString(script, SCRIPT);
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), "127.0.0.1", Integer.toString(port),
                dir.resolve("client.pem").toString(), dir.resolve("client.key").toString(),
                dir.resolve("ca.pem").toString(), uid, Integer.toString(n)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("python client failed: " + out);
        }
        String[] lines = out.split("\n");
        double pyOps = Double.parseDouble(lines[lines.length - 1]);
        Files.deleteIfExists(script);

        System.out.printf("%s  N=%d Gets of a 256-bit AES key, one thread%n", Instant.now(), n);
        System.out.printf("BOAT pooled connector : %8.1f ops/s%n", javaOps);
        System.out.printf("PyKMIP python client  : %8.1f ops/s%n", pyOps);
        System.out.printf("ratio BOAT / PyKMIP   : %8.2f%n", javaOps / pyOps);
    }

    private static void get(KmipConnectionFactory factory, String uid) throws Exception {
        try (KmipConnection c = factory.getConnection(); KmipObject key = c.get(uid)) {
            if (key.bitLength() != 256) {
                throw new IllegalStateException("unexpected key length " + key.bitLength());
            }
        }
    }
}
