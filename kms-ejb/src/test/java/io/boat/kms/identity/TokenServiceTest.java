package io.boat.kms.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.NotAuthenticatedException;
import io.boat.kms.identity.revocation.Revocations;
import io.boat.kms.testing.FakeEntities;
import io.boat.kms.testing.Services;
import io.boat.kms.testing.TestConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
            List.of("admin", "creator"), List.of("password"), List.of("audit-1"), false, null);

    /** Audit ids this test has revoked; the real list's rules are RevocationListTest's subject. */
    private final Set<String> revoked = new HashSet<>();

    private TokenService started(TestConfig config) {
        TokenService tokens = new TokenService();
        tokens.em = db.entityManager();
        tokens.keys = Services.masterKek(config);
        tokens.config = config;
        tokens.externalPublicKey = Optional.empty();
        tokens.externalIssuer = Optional.empty();
        tokens.externalProjectClaim = "project_id";
        TokenVerifier verifier = new TokenVerifier();
        verifier.tokens = tokens;
        verifier.revocations = new Revocations() {
            @Override
            public boolean isRevoked(TokenClaims token) {
                return token.auditIds().stream().anyMatch(revoked::contains);
            }
        };
        tokens.tokenVerifier = verifier;
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
        // The token carries its exact issue instant (revocation compares it); the response shows whole seconds.
        assertThat(claims.issuedAt().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(issued.issuedAt());
        assertThat(claims.expiresAt()).isEqualTo(issued.expiresAt());
        assertThat(claims.system()).isFalse();
    }

    @Test
    void issue_systemScope_verifiesAsSystemScoped() {
        TokenService tokens = started(Services.config().dataDir(dataDir));
        Identity.Authentication system = new Identity.Authentication(ALICE.user(), null, List.of("admin"),
                List.of("password"), List.of("audit-sys"), true, null);

        TokenClaims claims = tokens.verify(tokens.issue(system).token());

        assertThat(claims.system()).isTrue();
        assertThat(claims.projectId()).isNull();
    }

    @Test
    void issue_rescopedToken_keepsTheExpiryItInherits() {
        TokenService tokens = started(Services.config().dataDir(dataDir).tokenTtlSeconds(3600));
        Instant inherited = Instant.now().plusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        Identity.Authentication rescoped = new Identity.Authentication(ALICE.user(), ALICE.project(), ALICE.roles(),
                List.of("token", "password"), List.of("audit-2", "audit-1"), false, inherited);

        IssuedToken issued = tokens.issue(rescoped);

        assertThat(issued.expiresAt()).isEqualTo(inherited);
        assertThat(tokens.verify(issued.token()).expiresAt()).isEqualTo(inherited);
    }

    @Test
    void verify_revokedToken_notAuthenticated_othersStillVerify() {
        TokenService tokens = started(Services.config().dataDir(dataDir));
        String token = tokens.issue(ALICE).token();
        assertThat(tokens.verify(token).userId()).isEqualTo("u-alice");

        revoked.add("audit-1");

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(NotAuthenticatedException.class);
        Identity.Authentication other = new Identity.Authentication(ALICE.user(), ALICE.project(), ALICE.roles(),
                ALICE.methods(), List.of("audit-3"), false, null);
        assertThat(tokens.verify(tokens.issue(other).token()).userId()).isEqualTo("u-alice");
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
