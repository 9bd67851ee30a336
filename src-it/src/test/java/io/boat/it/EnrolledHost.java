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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * A real swtpm host enrolled and attested by the real agent with the attestation-service WAR on Payara
 * Micro, trusted by reference values equal to its current PCRs; and BOAT's {@link AttestationHostReports}
 * configured, as in the KMS, from MicroProfile Config keys pointing at that service.
 */
final class EnrolledHost implements AutoCloseable {
    private static final String OPERATOR_TOKEN = UUID.randomUUID().toString();
    private static final List<Integer> PCRS = List.of(0, 1, 2, 3, 4, 5, 6, 7);

    private final Swtpm swtpm;
    private final PayaraMicro service;
    private final String akName;
    private final String bindKeyName;

    private EnrolledHost(Swtpm swtpm, PayaraMicro service, String akName, String bindKeyName) {
        this.swtpm = swtpm;
        this.service = service;
        this.akName = akName;
        this.bindKeyName = bindKeyName;
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
        return new EnrolledHost(swtpm, service, akName, enrolled.getString("bindKeyName"));
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

    String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
    }

    private static JsonObject agent(Swtpm swtpm, PayaraMicro service, Path state, String command) {
        StringWriter out = new StringWriter();
        int rc = Main.run(new PrintWriter(out), "--tpm", swtpm.agentTpmOption(), "--service", service.baseUrl(),
            "--state-dir", state.toString(), "--json", command);
        if (rc != 0) {
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
        put(service, "v1/host-groups/it-hosts/reference-values", "{\"pcrs\":{" + pcrs + "}}");
        put(service, "v1/hosts/" + akName + "/attributes",
            "{\"hostGroup\":\"it-hosts\",\"location\":\"dc1/rack-7\",\"assetTag\":\"A-1\"}");
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
