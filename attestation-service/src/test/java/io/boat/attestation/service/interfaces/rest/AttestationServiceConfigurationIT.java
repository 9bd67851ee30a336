package io.boat.attestation.service.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.attestation.service.testsupport.PayaraMicro;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration errors stop the deployment on a real Payara Micro, with a message naming the property. */
class AttestationServiceConfigurationIT {
    @Test
    void start_ekCaFileMissing_deploymentFailsNamingPropertyAndFile() throws Exception {
        Path dir = Files.createTempDirectory("boat-att-config");
        Path missing = dir.resolve("no-such-ca.pem");
        try (PayaraMicro payara = PayaraMicro.launch(dir, Map.of("boat.attestation.ek-ca-certificates",
                missing.toString(), "boat.attestation.operator-token", "t"))) {
            String log = payara.awaitStarted();

            assertThat(log).contains("attestation service configuration error: boat.attestation.ek-ca-certificates: "
                + "cannot read EK CA certificates from " + missing);
            HttpResponse<String> keys = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(payara.baseUrl() + "v1/keys")).build(), HttpResponse.BodyHandlers.ofString());
            // The failed module is served at /, so Payara answers for it with an error (500), not a 404.
            assertThat(keys.statusCode()).as("the application must not be serving").isIn(404, 500);
            assertThat(keys.body()).as("the application must not be serving").doesNotContain("\"keys\"");
        }
    }
}
