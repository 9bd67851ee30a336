package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The HTTP listener's own behaviour that BOAT's clients depend on. Java's HttpClient (HTTP/2 by
 * default) asks for an h2c upgrade on the first request of every plain-HTTP connection. With
 * HTTP/2 off on the listener (or port unification in front of it, which turns HTTP/2 off) Grizzly
 * took such a request for an upgrade and its body never reached BOAT: every POST failed with
 * "Could not read the request body" after the body timeout.
 */
class ListenerIT {

    @Test
    void postFromHttp2DefaultClient_onFreshConnection_keepsItsBody() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpRequest post = HttpRequest.newBuilder(URI.create(SharedServer.get().baseUrl() + "/v3/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.passwordAuth("admin", BoatServer.ADMIN_PASSWORD, "admin")))
                .build();
        HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).doesNotContain("Could not read the request body");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Subject-Token")).isPresent();
    }
}
