package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pluggable issuers: tokens signed by an external issuer configured with
 * {@code mp.jwt.verify.publickey} and {@code mp.jwt.verify.issuer} are accepted, with roles from
 * {@code groups} and the project from {@code project_id}; anything else about them is 401.
 */
class ExternalIssuerIT {

    @Test
    void externalToken_trustedKeyAndIssuer_actsInItsProjectWithItsRoles() {
        Api api = SharedServer.get().api();
        Api creator = api.withToken(ExternalIssuer.token(ExternalIssuer.KEYS, ExternalIssuer.ISSUER,
                "kc-user-1", "kc-project", List.of("creator"), 300));
        Api.Response created = creator.postJson("/v1/secrets",
                "{\"name\":\"from-keycloak\",\"payload\":\"hello\",\"payload_content_type\":\"text/plain\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String ref = created.json().getString("secret_ref");
        assertThat(creator.get(ref).json().getString("creator_id")).isEqualTo("kc-user-1");
        assertThat(creator.get(ref + "/payload", "Accept", "text/plain").text()).isEqualTo("hello");

        Api observerElsewhere = api.withToken(ExternalIssuer.token(ExternalIssuer.KEYS, ExternalIssuer.ISSUER,
                "kc-user-2", "other-project", List.of("observer"), 300));
        assertThat(observerElsewhere.get(ref).status()).isEqualTo(403);
        assertThat(observerElsewhere.get("/v1/secrets").json().getInt("total")).isZero();
    }

    @Test
    void externalToken_untrustedKeyWrongIssuerOrExpired_401() {
        Api api = SharedServer.get().api();
        String[] rejected = {
            ExternalIssuer.token(ExternalIssuer.generate(), ExternalIssuer.ISSUER, "u", "p", List.of("admin"), 300),
            ExternalIssuer.token(ExternalIssuer.KEYS, "https://evil.example", "u", "p", List.of("admin"), 300),
            ExternalIssuer.token(ExternalIssuer.KEYS, "boat", "u", "p", List.of("admin"), 300),
            ExternalIssuer.token(ExternalIssuer.KEYS, ExternalIssuer.ISSUER, "u", "p", List.of("admin"), -10)};
        for (String token : rejected) {
            Api.Response r = api.withToken(token).get("/v1/secrets");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().getJsonObject("error").getInt("code")).isEqualTo(401);
        }
    }
}
