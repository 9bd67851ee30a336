package io.boat.kms.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.NotAuthenticatedException;
import io.boat.kms.testing.FakeEntities;
import io.boat.kms.testing.Services;
import io.boat.kms.testing.TestConfig;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issuing and verifying BOAT's own tokens, with a real master key store and an in-memory database. */
class TokenServiceTest {

    @TempDir
    Path dataDir;

    private final FakeEntities db = new FakeEntities();

    private static final Identity.Authentication ALICE = new Identity.Authentication(
            new Identity.User("u-alice", "alice", Identity.DEFAULT_DOMAIN_ID, true),
            new Identity.Project("p-admin", "admin", Identity.DEFAULT_DOMAIN_ID, true),
            List.of("admin", "creator"), List.of("password"), List.of("audit-1"));

    private TokenService started(TestConfig config) {
        TokenService tokens = new TokenService();
        tokens.em = db.entityManager();
        tokens.keys = Services.masterKek(config);
        tokens.config = config;
        tokens.externalPublicKey = Optional.empty();
        tokens.externalIssuer = Optional.empty();
        tokens.externalProjectClaim = "project_id";
        tokens.init();
        return tokens;
    }

    @Test
    void issue_thenVerify_claimsRoundTripWithTheIssuedTimes() {
        TokenService tokens = started(Services.config().dataDir(dataDir));

        IssuedToken issued = tokens.issue(ALICE);
        TokenClaims claims = tokens.verify(issued.token());

        assertThat(claims.userId()).isEqualTo("u-alice");
        assertThat(claims.userName()).isEqualTo("alice");
        assertThat(claims.projectId()).isEqualTo("p-admin");
        assertThat(claims.roles()).containsExactly("admin", "creator");
        assertThat(claims.tokenId()).isEqualTo("audit-1");
        assertThat(claims.issuedAt()).isEqualTo(issued.issuedAt());
        assertThat(claims.expiresAt()).isEqualTo(issued.expiresAt());
    }

    @Test
    void issue_lifetimeIsTheConfiguredTtlInWholeSeconds() {
        TokenService tokens = started(Services.config().dataDir(dataDir).tokenTtlSeconds(600));

        IssuedToken issued = tokens.issue(ALICE);

        assertThat(issued.issuedAt()).isEqualTo(issued.issuedAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(issued.expiresAt()).isEqualTo(issued.issuedAt().plusSeconds(600));
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void verify_tamperedSignature_notAuthenticated() {
        TokenService tokens = started(Services.config().dataDir(dataDir));
        String token = tokens.issue(ALICE).token();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> tokens.verify(tampered)).isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void verify_zeroLifetime_alreadyExpired() {
        TokenService tokens = started(Services.config().dataDir(dataDir).tokenTtlSeconds(0));
        String token = tokens.issue(ALICE).token();

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void verify_missingOrOversizedToken_notAuthenticated() {
        TokenService tokens = started(Services.config().dataDir(dataDir));

        assertThatThrownBy(() -> tokens.verify(null)).isInstanceOf(NotAuthenticatedException.class);
        assertThatThrownBy(() -> tokens.verify("x".repeat(8193))).isInstanceOf(NotAuthenticatedException.class);
        assertThatThrownBy(() -> tokens.verify("not.a.jwt")).isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void restart_sameDatabaseAndMasterKey_earlierTokensStillVerify() {
        TestConfig config = Services.config().dataDir(dataDir);
        String token = started(config).issue(ALICE).token();

        TokenService afterRestart = started(config);

        assertThat(afterRestart.verify(token).userId()).isEqualTo("u-alice");
        assertThat(db.all(SigningKeyEntity.class)).hasSize(1);
    }
}
