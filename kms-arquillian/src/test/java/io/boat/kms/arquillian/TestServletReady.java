package io.boat.kms.arquillian;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Waits, on the client, until Arquillian's test servlet in the deployed WAR answers, after Arquillian
 * has started Payara Micro and deployed. Arquillian's servlet protocol gives a test method one second
 * to reach the servlet and then reports only "No result returned"; this turns a listener that is not
 * yet (or never) serving the WAR into a wait, or into a failure that says what the port answered.
 * Register it after {@code ArquillianExtension}. Inside the container (no {@code boat.arq.http-port}) it
 * does nothing.
 */
public final class TestServletReady implements BeforeAllCallback {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String port = System.getProperty("boat.arq.http-port");
        if (port == null) {
            return;
        }
        URI runner = URI.create("http://127.0.0.1:" + port + "/release-arq/ArquillianServletRunnerEE9");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(LIMIT);
        String last = "nothing yet";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(runner).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 404) {
                    return;
                }
                last = "404: " + r.body().substring(0, Math.min(200, r.body().length()));
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Arquillian's test servlet " + runner + " did not answer within " + LIMIT
            + "; last answer: " + last);
    }
}
