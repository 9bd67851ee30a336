package io.boat.kms.identity.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.identity.TokenClaims;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevocationListTest {

    private static final Instant T = Instant.parse("2026-11-30T03:00:00.500Z");

    private static TokenClaims token(String user, String project, Instant issued, String... audit) {
        return new TokenClaims("boat", audit.length == 0 ? null : audit[0], user, user, project, project,
                List.of("creator"), List.of("password"), issued, issued.plusSeconds(3600), List.of(audit), false);
    }

    private static RevocationEvent event(String audit, String user, String project, Instant at) {
        return new RevocationEvent(java.util.UUID.randomUUID().toString(), audit, user, project, at);
    }

    @Test
    void userEvent_revokesTokensIssuedUpToIt_notLaterOnes() {
        RevocationList list = new RevocationList();
        list.add(event(null, "u", null, T));
        assertThat(list.isRevoked(token("u", "p", T.minusMillis(1), "a"))).isTrue();
        assertThat(list.isRevoked(token("u", "p", T, "a"))).isTrue();
        assertThat(list.isRevoked(token("u", null, T.minusSeconds(5), "a"))).isTrue();
        assertThat(list.isRevoked(token("u", "p", T.plusMillis(1), "a"))).isFalse();
        assertThat(list.isRevoked(token("v", "p", T.minusMillis(1), "a"))).isFalse();
    }

    @Test
    void auditEvent_revokesTheTokenAndItsRescopedDescendants_only() {
        RevocationList list = new RevocationList();
        list.add(event("parent", null, null, T));
        assertThat(list.isRevoked(token("u", "p", T.minusSeconds(1), "parent"))).isTrue();
        assertThat(list.isRevoked(token("u", "p", T.plusSeconds(9), "child", "parent"))).isTrue();
        assertThat(list.isRevoked(token("u", "p", T.minusSeconds(1), "other"))).isFalse();
    }

    @Test
    void projectAndUserInProjectEvents_matchOnlyThatScope() {
        RevocationList list = new RevocationList();
        list.add(event(null, null, "p", T));
        list.add(event(null, "u", "q", T));
        assertThat(list.isRevoked(token("x", "p", T.minusMillis(1), "a"))).isTrue();
        assertThat(list.isRevoked(token("u", "q", T.minusMillis(1), "a"))).isTrue();
        assertThat(list.isRevoked(token("u", "r", T.minusMillis(1), "a"))).isFalse();
        assertThat(list.isRevoked(token("x", "q", T.minusMillis(1), "a"))).isFalse();
        assertThat(list.isRevoked(token("u", null, T.minusMillis(1), "a"))).isFalse();
    }

    @Test
    void sameEventTwice_isHeldOnce_andPruneForgetsOldEvents() {
        RevocationList list = new RevocationList();
        RevocationEvent e = event(null, "u", null, T);
        list.add(e);
        list.add(e);
        assertThat(list.size()).isEqualTo(1);
        list.prune(T.plusMillis(1));
        assertThat(list.size()).isZero();
        assertThat(list.isRevoked(token("u", "p", T.minusSeconds(1), "a"))).isFalse();
    }

    @Test
    void eventNamingNothing_isRefused() {
        assertThatThrownBy(() -> event(null, null, null, T)).isInstanceOf(IllegalArgumentException.class);
    }
}
