package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Interop with Castellan (Debian python3-castellan), the key-manager layer Nova, Cinder and
 * Glance use: it re-scopes the user's token with Keystone's token method, then creates (an
 * order), stores, reads and deletes keys through python-barbicanclient.
 */
class CastellanIT {

    @Test
    void castellan_userToken_createsStoresReadsDeletesKeys() throws Exception {
        SharedServer.Tenant tenant = SharedServer.tenant("creator", "admin");
        Path script = Files.createTempFile("castellan", ".py");
        try (InputStream in = getClass().getResourceAsStream("/castellan_roundtrip.py")) {
            Files.write(script, in.readAllBytes());
        }
        // Castellan deletes as the same user that created: give it the admin's token.
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), SharedServer.get().baseUrl(),
                tenant.tokens().get("admin"), tenant.projectId()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("created key", "stored key", "deleted key", "ALL OK");
    }
}
