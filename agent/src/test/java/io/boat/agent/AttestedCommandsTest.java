package io.boat.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.agent.image.ImageCipher;
import io.boat.agent.image.ImageHeader;
import io.boat.agent.image.ImageKey;
import io.boat.agent.image.Progress;
import io.boat.agent.release.WrappedKeys;
import io.boat.agent.tpm.BindKey;
import io.boat.testing.Swtpm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * fetch-key and decrypt-image --attested end to end on the host's side: a real swtpm holding the enrolled
 * bind key, and an in-test HTTP server standing in for BOAT with canned wrapped keys (made by Nimbus and
 * the JDK) and canned refusals in BOAT's error format.
 */
class AttestedCommandsTest {
    private static final String SECRET_ID = "0b9a1c4e-7f51-4d7c-9f2a-3c1d2e4f5a6b";
    private static Swtpm swtpm;
    private static CannedHttpServer boat;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final FakeAttestationApi service = new FakeAttestationApi(List.of(16));

    @BeforeAll
    static void start() throws Exception {
        swtpm = Swtpm.start();
        boat = CannedHttpServer.http();
    }

    @AfterAll
    static void stop() throws Exception {
        if (boat != null) {
            boat.close();
        }
        if (swtpm != null) {
            swtpm.close();
        }
    }

    private Path state() {
        return dir.resolve("state");
    }

    private BindKey enroll(boolean pcrBound) {
        EnrolledHosts.enroll(swtpm, state(), service, pcrBound, List.of());
        return new StateDir(state()).bindKey().orElseThrow();
    }

    private String akName() {
        return new StateDir(state()).record().getProperty("akName");
    }

    private String secretRef() {
        return boat.baseUrl() + "/v1/secrets/" + SECRET_ID;
    }

    private int run(String... args) {
        return run(Main.commandLine(new PrintWriter(out)), args);
    }

    private int run(CommandLine cl, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--tpm", swtpm.agentTpmOption(), "--state-dir", state().toString(), "--os-token", "token-xyz"));
        return cl.execute(all.toArray(String[]::new));
    }

    /** An image encrypted under {@code key} for this test's secret, as encrypt-image writes it. */
    private Path encryptedImage(byte[] key, byte[] plain) throws Exception {
        Path enc = dir.resolve("image.enc");
        try (ImageKey k = ImageKey.copyOf(key)) {
            ImageCipher.encrypt(k, SECRET_ID, ImageHeader.MIN_CHUNK_SIZE, new ByteArrayInputStream(plain), enc, Progress.none());
        }
        return enc;
    }

    @Test
    void fetchKey_jweAnswer_writesExactKeyTo0600FileAndNamesTheAk() throws Exception {
        BindKey bind = enroll(false);
        byte[] secret = WrappedKeys.secret(32);
        boat.answer(200, "application/jose", WrappedKeys.nimbusJwe(bind.blob(), bind.nameHex(), secret).getBytes(StandardCharsets.US_ASCII));
        Path key = dir.resolve("key.bin");
        int before = boat.requests().size();

        int rc = run("fetch-key", secretRef(), "--out", key.toString());

        assertThat(rc).as(out.toString()).isZero();
        assertThat(Files.readAllBytes(key)).isEqualTo(secret);
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        CannedHttpServer.Request req = boat.requests().get(before);
        assertThat(req.method()).isEqualTo("GET");
        assertThat(req.path()).isEqualTo("/v1/secrets/" + SECRET_ID + "/payload");
        assertThat(req.headers().getFirst("X-BOAT-AK-Name")).isEqualTo(akName()).matches("000b[0-9a-f]{64}");
        assertThat(req.headers().getFirst("Accept")).isEqualTo("application/jose");
        assertThat(req.headers().getFirst("X-Auth-Token")).isEqualTo("token-xyz");
        assertThat(out.toString()).contains("released").contains("32 bytes").doesNotContain("token-xyz");
    }

    @Test
    void fetchKey_rawFormatToStdout_writesExactBytesAndAsksForOctetStream() throws Exception {
        BindKey bind = enroll(false);
        byte[] secret = WrappedKeys.secret(32);
        boat.answer(200, "application/octet-stream", WrappedKeys.jdkRawWrap(bind.blob(), secret));
        CommandLine cl = Main.commandLine(new PrintWriter(out));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ((FetchKeyCommand) cl.getSubcommands().get("fetch-key").getCommand()).stdout = stdout;
        int before = boat.requests().size();

        int rc = run(cl, "fetch-key", secretRef(), "--format", "raw");

        assertThat(rc).as(out.toString()).isZero();
        assertThat(stdout.toByteArray()).isEqualTo(secret);
        assertThat(boat.requests().get(before).headers().getFirst("Accept")).isEqualTo("application/octet-stream");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "401|host_untrusted|host is not trusted: PCR 7 differs from the host group's reference value",
        "401|host_unknown|no host is enrolled with this AK",
        "401|report_stale|the trust report is older than the policy allows",
        "400|malformed_ak_name|AK name must be 000b followed by 64 hex digits",
        "403|attestation_required|This secret is released only to an attested host",
        "500|attestation_unavailable|the attestation service did not answer within 5 s",
        "500|unusable_bind_key|the bind key is not certified by the host's AK"})
    void fetchKey_boatRefuses_printsStatusReasonAndDescriptionAndWritesNothing(int status, String reason, String description) {
        enroll(false);
        boat.answerJson(status, "{\"code\":" + status + ",\"title\":\"refused\",\"description\":\"" + description
            + "\",\"reason\":\"" + reason + "\"}");
        Path key = dir.resolve("key.bin");

        int rc = run("fetch-key", secretRef(), "--out", key.toString());

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (http_" + status + ")").contains("HTTP " + status + " (" + reason + ")")
            .contains(description);
        assertThat(key).doesNotExist();
        assertThat(dir).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void fetchKey_refusalWithAReasonThatIsNoStableWord_reasonNotShown() {
        enroll(false);
        boat.answerJson(401, "{\"code\":401,\"title\":\"Unauthorized\",\"description\":\"not trusted\","
            + "\"reason\":\"\\u001b[2J<script>\"}");

        int rc = run("fetch-key", secretRef(), "--out", dir.resolve("key.bin").toString());

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("HTTP 401: not trusted").doesNotContain("script").doesNotContain("\u001b");
    }

    @Test
    void fetchKey_jweWrappedToAnotherKey_refusedAsKidMismatch() throws Exception {
        BindKey bind = enroll(false);
        String otherKid = "000b" + "cd".repeat(32);
        boat.answer(200, "application/jose", WrappedKeys.nimbusJwe(bind.blob(), otherKid, WrappedKeys.secret(32)).getBytes(StandardCharsets.US_ASCII));
        Path key = dir.resolve("key.bin");

        int rc = run("fetch-key", secretRef(), "--out", key.toString());

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (kid_mismatch)").contains(otherKid);
        assertThat(key).doesNotExist();
    }

    @Test
    void fetchKey_notEnrolled_failsWithoutAskingBoat() {
        int before = boat.requests().size();

        int rc = run("fetch-key", secretRef(), "--out", dir.resolve("key.bin").toString());

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (not_enrolled)").contains("run 'enroll' first");
        assertThat(boat.requests()).hasSize(before);
    }

    @Test
    void fetchKey_toStdoutRefused_errorGoesToStderrNotIntoTheKeyPipe() {
        enroll(false);
        boat.answerJson(401, "{\"code\":401,\"title\":\"Unauthorized\",\"description\":\"PCR 7 differs\",\"reason\":\"host_untrusted\"}");
        CommandLine cl = Main.commandLine(new PrintWriter(out));
        FetchKeyCommand fetch = (FetchKeyCommand) cl.getSubcommands().get("fetch-key").getCommand();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter stderr = new StringWriter();
        fetch.stdout = stdout;
        fetch.stderr = new PrintWriter(stderr);

        int rc = run(cl, "fetch-key", secretRef());

        assertThat(rc).isEqualTo(1);
        assertThat(stdout.toByteArray()).isEmpty();
        assertThat(out.toString()).isEmpty();
        assertThat(stderr.toString()).contains("error (http_401)").contains("host_untrusted").contains("PCR 7 differs");
    }

    @Test
    void fetchKey_badFormat_failsAsBadArgument() {
        enroll(false);
        assertThat(run("fetch-key", secretRef(), "--format", "pem", "--out", dir.resolve("key.bin").toString())).isEqualTo(1);
        assertThat(out.toString()).contains("error (bad_argument): Invalid format 'pem'");
    }

    @Test
    void fetchKey_pcrBoundKeyAfterItsPcrIsExtended_tpmRefusesAndTheErrorNamesThePcr() throws Exception {
        BindKey bind = enroll(true);
        assertThat(bind.policyPcrs()).containsExactly(16);
        byte[] secret = WrappedKeys.secret(32);
        boat.answer(200, "application/jose", WrappedKeys.nimbusJwe(bind.blob(), bind.nameHex(), secret).getBytes(StandardCharsets.US_ASCII));
        assertThat(run("fetch-key", secretRef(), "--out", dir.resolve("before.bin").toString())).as(out.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("before.bin"))).isEqualTo(secret);

        swtpm.tpm2("tpm2_pcrextend", "16:sha256=" + "16".repeat(32));
        int rc = run("fetch-key", secretRef(), "--out", dir.resolve("after.bin").toString());

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (pcr_policy_failed)").contains("PCR 16 has changed since enrollment");
        assertThat(dir.resolve("after.bin")).doesNotExist();
    }

    @Test
    void decryptImage_attested_decryptsWithTheTpmUnwrappedKey() throws Exception {
        BindKey bind = enroll(false);
        byte[] secret = WrappedKeys.secret(32);
        byte[] plain = WrappedKeys.secret(3 * ImageHeader.MIN_CHUNK_SIZE + 17);
        Path enc = encryptedImage(secret, plain);
        boat.answer(200, "application/jose", WrappedKeys.nimbusJwe(bind.blob(), bind.nameHex(), secret).getBytes(StandardCharsets.US_ASCII));
        int before = boat.requests().size();

        int rc = run("decrypt-image", "--attested", "--secret-ref", secretRef(), "--in", enc.toString(),
            "--out", dir.resolve("plain.img").toString());

        assertThat(rc).as(out.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("plain.img"))).isEqualTo(plain);
        assertThat(boat.requests().get(before).headers().getFirst("X-BOAT-AK-Name")).isEqualTo(akName());
    }

    @Test
    void decryptImage_attestedHostUntrusted_printsReasonAndLeavesNoOutput() throws Exception {
        enroll(false);
        Path enc = encryptedImage(WrappedKeys.secret(32), new byte[100]);
        boat.answerJson(401, "{\"code\":401,\"title\":\"Unauthorized\",\"description\":\"PCR 7 differs\",\"reason\":\"host_untrusted\"}");

        int rc = run("decrypt-image", "--attested", "--secret-ref", secretRef(), "--in", enc.toString(),
            "--out", dir.resolve("plain.img").toString());

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (http_401)").contains("host_untrusted").contains("PCR 7 differs");
        assertThat(dir.resolve("plain.img")).doesNotExist();
    }

    private void cannedVerdict(boolean trusted, String reason) {
        boat.answerJsonAt("/challenges", "{\"nonce\":\"" + "5a".repeat(32) + "\",\"pcrs\":[0,16]}");
        boat.answerJsonAt("/quotes", "{\"report\":{\"trusted\":" + trusted + ",\"reasons\":[" + (reason == null ? "" : "\"" + reason + "\"")
            + "],\"expiresAt\":\"2026-12-01T00:00:00Z\"},\"jws\":\"h.p.s\"}");
    }

    private List<String> requestPathsSince(int before) {
        return boat.requests().subList(before, boat.requests().size()).stream().map(CannedHttpServer.Request::path).toList();
    }

    @Test
    void fetchKey_attestFirstTrusted_quotesThenAsksBoat() throws Exception {
        BindKey bind = enroll(false);
        byte[] secret = WrappedKeys.secret(32);
        boat.answer(200, "application/jose", WrappedKeys.nimbusJwe(bind.blob(), bind.nameHex(), secret).getBytes(StandardCharsets.US_ASCII));
        cannedVerdict(true, null);
        int before = boat.requests().size();

        int rc = run("fetch-key", secretRef(), "--attest-first", "--service", boat.baseUrl() + "/att", "--out",
            dir.resolve("key.bin").toString());

        assertThat(rc).as(out.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("key.bin"))).isEqualTo(secret);
        assertThat(requestPathsSince(before)).containsExactly("/att/v1/hosts/" + akName() + "/challenges",
            "/att/v1/hosts/" + akName() + "/quotes", "/v1/secrets/" + SECRET_ID + "/payload");
    }

    @Test
    void decryptImage_attestFirstUntrusted_stopsBeforeBoatWithTheServicesReason() throws Exception {
        enroll(false);
        Path enc = encryptedImage(WrappedKeys.secret(32), new byte[100]);
        cannedVerdict(false, "PCR 16 differs from the reference value");
        int before = boat.requests().size();

        int rc = run("decrypt-image", "--attested", "--attest-first", "--service", boat.baseUrl() + "/att", "--secret-ref",
            secretRef(), "--in", enc.toString(), "--out", dir.resolve("plain.img").toString());

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (untrusted)").contains("PCR 16 differs from the reference value");
        assertThat(requestPathsSince(before)).noneMatch(p -> p.endsWith("/payload"));
        assertThat(dir.resolve("plain.img")).doesNotExist();
    }
}
