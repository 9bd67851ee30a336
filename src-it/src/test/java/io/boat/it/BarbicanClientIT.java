package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Interop with the real OpenStack client libraries (Debian python3-barbicanclient and
 * python3-keystoneauth1, what the openstack CLI and OpenStack services use): Keystone v3
 * password auth and catalog discovery, secrets text and binary, a key order, list and delete.
 */
class BarbicanClientIT {

    @Test
    void pythonBarbicanclient_unchanged_roundTripsSecretsAndOrders() throws Exception {
        Path script = Files.createTempFile("barbicanclient", ".py");
        try (InputStream in = getClass().getResourceAsStream("/barbicanclient_roundtrip.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), SharedServer.get().baseUrl() + "/v3",
                "admin", BoatServer.ADMIN_PASSWORD, "admin").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("stored and read text secret", "stored and read binary secret", "ordered key",
                "listed and deleted", "ALL OK");
    }
}
