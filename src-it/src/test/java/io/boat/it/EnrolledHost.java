package io.boat.it;

import io.boat.agent.Main;
import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.TpmAddress;
import io.boat.attestation.client.AttestationServiceConnection;
import io.boat.attestation.service.testsupport.PayaraMicro;
import io.boat.kms.release.AttestationHostReports;
import io.boat.testing.Swtpm;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;

/**
 * A real swtpm host enrolled and attested by the real agent with the attestation-service WAR on Payara
 * Micro, trusted by reference values equal to its current PCRs; and BOAT's {@link AttestationHostReports}
 * configured, as in the KMS, from MicroProfile Config keys pointing at that service.
 */
final class EnrolledHost implements AutoCloseable {
    private static final String OPERATOR_TOKEN = UUID.randomUUID().toString();
    private static final List<Integer> PCRS = List.of(0, 1, 2, 3, 4, 5, 6, 7);
    /** The host group the fixture host is put in, with its current PCRs as reference values. */
    static final String HOST_GROUP = "it-hosts";

    private final Swtpm swtpm;
    private final PayaraMicro service;
    private final String akName;
    private final String bindKeyName;
    private final Path state;

    private EnrolledHost(Swtpm swtpm, PayaraMicro service, String akName, String bindKeyName, Path state) {
        this.swtpm = swtpm;
        this.service = service;
        this.akName = akName;
        this.bindKeyName = bindKeyName;
        this.state = state;
    }

    static EnrolledHost start() throws Exception {
        Swtpm swtpm = Swtpm.start();
        Path ca = swtpm.dir().resolve("ca");
        PayaraMicro service = PayaraMicro.start(swtpm.dir(), Map.of("boat.attestation.ek-ca-certificates",
            ca.resolve("issuercert.pem") + "," + ca.resolve("swtpm-localca-rootca-cert.pem"),
            "boat.attestation.operator-token", OPERATOR_TOKEN));
        Path state = Files.createTempDirectory(swtpm.dir(), "agent");
        JsonObject enrolled = agent(swtpm, service, state, "enroll");
        String akName = enrolled.getString("akName");
        trustCurrentPcrs(swtpm, service, akName);
        JsonObject attested = agent(swtpm, service, state, "attest");
        if (!attested.getBoolean("trusted")) {
            throw new IllegalStateException("the fixture host is not trusted: " + attested);
        }
        return new EnrolledHost(swtpm, service, akName, enrolled.getString("bindKeyName"), state);
    }

    String akName() {
        return akName;
    }

    String bindKeyName() {
        return bindKeyName;
    }

    /** The service's base URL, ending in "/api/". */
    String serviceUrl() {
        return service.baseUrl();
    }

    /** Stops the attestation service (the swtpm stays until {@link #close()}). */
    void stopService() throws Exception {
        service.close();
    }

    /** BOAT's report source configured with the service's URL plus {@code extra} MicroProfile Config keys. */
    AttestationHostReports reports(Map<String, String> extra) {
        Map<String, String> keys = new HashMap<>(Map.of("attestation-service/mp-rest/url", service.baseUrl()));
        keys.putAll(extra);
        return reports(keys, Clock.systemUTC());
    }

    static AttestationHostReports reports(Map<String, String> keys, Clock clock) {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(keys, "test", 500)).build();
        AttestationServiceConnection connection = AttestationServiceConnection.fromConfig(config);
        return new AttestationHostReports(connection, AttestationHostReports.verifier(config, connection, clock), clock, 100);
    }

    /** Runs the agent's attest again: the verdict, trusted or not. */
    JsonObject attest() {
        return agent(swtpm, service, state, "attest", 0, 2);
    }

    /** Extends {@code pcr} of the host's TPM, so its next quote no longer matches the reference values. */
    void extendPcr(int pcr) throws Exception {
        swtpm.tpm2("tpm2_pcrextend", pcr + ":sha256=" + "02".repeat(32));
    }

    /**
     * Loads the agent's bind key (its blobs from the state directory) under the SRK with tpm2-tools, so
     * {@link #unwrap} decrypts inside the TPM independently of BOAT's and the agent's code.
     */
    void loadBindKeyForTpm2Tools() throws Exception {
        Files.write(swtpm.file("bind.tpm2b-pub"), sized(Files.readAllBytes(state.resolve("bind.pub"))));
        Files.write(swtpm.file("bind.tpm2b-priv"), sized(Files.readAllBytes(state.resolve("bind.priv"))));
        swtpm.tpm2("tpm2_load", "-C", "0x81000001", "-u", swtpm.file("bind.tpm2b-pub").toString(), "-r",
            swtpm.file("bind.tpm2b-priv").toString(), "-c", swtpm.file("bind.ctx").toString());
    }

    /** TPM2_RSA_Decrypt (OAEP) with the bind key, by tpm2_rsadecrypt; {@code label} without its zero byte, or null. */
    byte[] unwrap(byte[] blob, byte[] label) throws Exception {
        return swtpm.rsaDecrypt("bind", blob, label);
    }

    /**
     * A compact JWE (RSA-OAEP-256, A256GCM) as a host without BOAT's code opens it: the content key
     * unwrapped in the TPM by {@link #unwrap} (empty OAEP label), then AES-GCM in plain JCE with the
     * protected header as associated data. Needs {@link #loadBindKeyForTpm2Tools()} first.
     */
    byte[] unwrapJwe(String compact) throws Exception {
        String[] parts = compact.split("\\.");
        if (parts.length != 5) {
            throw new IllegalArgumentException("not a compact JWE: " + parts.length + " parts");
        }
        Base64.Decoder b64 = Base64.getUrlDecoder();
        byte[] cek = unwrap(b64.decode(parts[1]), null);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, b64.decode(parts[2])));
        gcm.updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII));
        gcm.update(b64.decode(parts[3]));
        return gcm.doFinal(b64.decode(parts[4]));
    }

    /** TPM2B_*: a big-endian 16-bit size and the bytes (the agent keeps TPMT_PUBLIC and the private buffer). */
    private static byte[] sized(byte[] body) {
        return java.nio.ByteBuffer.allocate(2 + body.length).putShort((short) body.length).put(body).array();
    }

    String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
    }

    private static JsonObject agent(Swtpm swtpm, PayaraMicro service, Path state, String command) {
        return agent(swtpm, service, state, command, 0);
    }

    private static JsonObject agent(Swtpm swtpm, PayaraMicro service, Path state, String command, int... accepted) {
        StringWriter out = new StringWriter();
        int rc = Main.run(new PrintWriter(out), "--tpm", swtpm.agentTpmOption(), "--service", service.baseUrl(),
            "--state-dir", state.toString(), "--json", command);
        if (java.util.Arrays.stream(accepted).noneMatch(a -> a == rc)) {
            throw new IllegalStateException("agent " + command + " exited " + rc + ": " + out);
        }
        return Json.createReader(new StringReader(out.toString())).readObject();
    }

    private static void trustCurrentPcrs(Swtpm swtpm, PayaraMicro service, String akName) throws Exception {
        Map<Integer, byte[]> now;
        try (AgentTpm t = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()))) {
            now = t.readPcrs(PCRS.stream().mapToInt(i -> i).toArray());
        }
        String pcrs = now.entrySet().stream().map(e -> "\"" + e.getKey() + "\":[\"" + HexFormat.of().formatHex(e.getValue())
            + "\"]").collect(Collectors.joining(","));
        put(service, "v1/host-groups/" + HOST_GROUP + "/reference-values", "{\"pcrs\":{" + pcrs + "}}");
        put(service, "v1/hosts/" + akName + "/attributes",
            "{\"hostGroup\":\"" + HOST_GROUP + "\",\"location\":\"dc1/rack-7\",\"assetTag\":\"A-1\"}");
    }

    private static void put(PayaraMicro service, String path, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + OPERATOR_TOKEN)
            .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 204) {
            throw new IllegalStateException("PUT " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    @Override
    public void close() throws Exception {
        try {
            service.close();
        } finally {
            swtpm.close();
        }
    }
}
