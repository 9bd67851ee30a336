package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's encrypt-image / decrypt-image as an owner and a host run them: the shaded agent jar
 * as a process, logging in to the real embedded default (password through the OpenStack
 * environment variables, or a token) and reading the key with an ordinary payload GET.
 */
class ImageCommandsIT {
    static final String KEY_B64 = "RwuBgu6vnzM8VBb7JFJ1Kwrd871cTgw2QFIFW07ZuUk=";
    static String secretRef;
    static SharedServer.Tenant otherProject;

    @TempDir
    Path dir;

    @BeforeAll
    static void ownerKey() {
        secretRef = storeKey(SharedServer.admin(), KEY_B64, 256);
        otherProject = SharedServer.tenant("admin");
    }

    static String storeKey(Api api, String keyB64, int bits) {
        Api.Response r = api.postJson("/v1/secrets", "{\"name\":\"image-key\",\"secret_type\":\"symmetric\","
                + "\"algorithm\":\"aes\",\"bit_length\":" + bits + ",\"mode\":\"gcm\",\"payload\":\"" + keyB64 + "\","
                + "\"payload_content_type\":\"application/octet-stream\",\"payload_content_encoding\":\"base64\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().getString("secret_ref");
    }

    @Test
    void encryptWithPasswordThenDecryptWithToken_roundTripsAndOutputsAre0600() throws Exception {
        byte[] image = new byte[3 * 1024 * 1024 + 17];
        new SecureRandom().nextBytes(image);
        Path plain = Files.write(dir.resolve("vm.img"), image);

        Run enc = agent(ownerEnv(), "encrypt-image", "--secret-ref", secretRef, "--in", plain.toString(), "--out", dir.resolve("vm.enc").toString());
        assertThat(enc.rc()).as(enc.output()).isZero();
        assertThat(enc.output()).contains("encrypted").doesNotContain(BoatServer.ADMIN_PASSWORD);

        String token = SharedServer.get().api().token("admin", BoatServer.ADMIN_PASSWORD, "admin");
        Run dec = agent(Map.of(), "decrypt-image", "--os-token", token, "--secret-ref", secretRef,
            "--in", dir.resolve("vm.enc").toString(), "--out", dir.resolve("vm.dec").toString());
        assertThat(dec.rc()).as(dec.output()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("vm.dec"))).isEqualTo(image);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("vm.dec")))).isEqualTo("rw-------");
        assertThat(dec.output()).doesNotContain(token);
    }

    @Test
    void decrypt_userOfAnotherProject_refusedByBoatAndNoOutput() throws Exception {
        Path enc = encryptedImage();
        Run dec = agent(Map.of(), "decrypt-image", "--os-token", otherProject.tokens().get("admin"), "--secret-ref", secretRef,
            "--in", enc.toString(), "--out", dir.resolve("vm.dec").toString());
        assertThat(dec.rc()).isEqualTo(1);
        assertThat(dec.output()).containsPattern("error \\(http_40[34]\\)");
        assertThat(dir.resolve("vm.dec")).doesNotExist();
    }

    @Test
    void decrypt_invalidToken_refusedAs401AndNoOutput() throws Exception {
        Path enc = encryptedImage();
        Run dec = agent(Map.of(), "decrypt-image", "--os-token", "not-a-token", "--secret-ref", secretRef,
            "--in", enc.toString(), "--out", dir.resolve("vm.dec").toString());
        assertThat(dec.rc()).isEqualTo(1);
        assertThat(dec.output()).contains("error (http_401)");
        assertThat(dir.resolve("vm.dec")).doesNotExist();
    }

    @Test
    void encrypt_wrongPassword_refusedAs401() throws Exception {
        Path plain = Files.write(dir.resolve("vm.img"), new byte[10]);
        Map<String, String> env = new java.util.HashMap<>(ownerEnv());
        env.put("OS_PASSWORD", "wrong-password-x");
        Run enc = agent(env, "encrypt-image", "--secret-ref", secretRef, "--in", plain.toString(), "--out", dir.resolve("vm.enc").toString());
        assertThat(enc.rc()).isEqualTo(1);
        assertThat(enc.output()).contains("error (http_401)").contains("/v3/auth/tokens").doesNotContain("wrong-password-x");
        assertThat(dir.resolve("vm.enc")).doesNotExist();
    }

    @Test
    void encrypt_secretIsNotAnAes256Key_refusedWithoutShowingIt() throws Exception {
        String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));
        String ref = storeKey(SharedServer.admin(), shortKey, 128);
        Path plain = Files.write(dir.resolve("vm.img"), new byte[10]);
        Run enc = agent(ownerEnv(), "encrypt-image", "--secret-ref", ref, "--in", plain.toString(), "--out", dir.resolve("vm.enc").toString());
        assertThat(enc.rc()).isEqualTo(1);
        assertThat(enc.output()).contains("error (bad_argument): Invalid image key size 16").doesNotContain("sixteen");
        assertThat(dir.resolve("vm.enc")).doesNotExist();
    }

    @Test
    void decrypt_tamperedImage_refusedAndNoOutput() throws Exception {
        Path enc = encryptedImage();
        byte[] b = Files.readAllBytes(enc);
        b[b.length / 2] ^= 1;
        Files.write(enc, b);
        Run dec = agent(ownerEnv(), "decrypt-image", "--secret-ref", secretRef, "--in", enc.toString(), "--out", dir.resolve("vm.dec").toString());
        assertThat(dec.rc()).isEqualTo(1);
        assertThat(dec.output()).contains("error (authentication_failed)");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsOnly("vm.img", "vm.enc");
        }
    }

    private Path encryptedImage() throws Exception {
        Path plain = Files.write(dir.resolve("vm.img"), new byte[2 * 1024 * 1024 + 5]);
        Run enc = agent(ownerEnv(), "encrypt-image", "--secret-ref", secretRef, "--in", plain.toString(), "--out", dir.resolve("vm.enc").toString());
        assertThat(enc.rc()).as(enc.output()).isZero();
        return dir.resolve("vm.enc");
    }

    private static Map<String, String> ownerEnv() {
        return Map.of("OS_AUTH_URL", SharedServer.get().baseUrl() + "/v3", "OS_USERNAME", "admin",
            "OS_PASSWORD", BoatServer.ADMIN_PASSWORD, "OS_PROJECT_NAME", "admin");
    }

    record Run(int rc, String output) {
    }

    private static Run agent(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar", System.getProperty("boat.agent.jar")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("OS_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }
}
