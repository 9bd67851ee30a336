package io.boat.kms.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.NotAuthenticatedException;
import io.boat.kms.identity.TokenClaims;
import io.boat.kms.project.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The project-scoped caller a request's verified token makes. */
class CurrentCallerTest {

    @Test
    void caller_projectToken_carriesTheProjectAndRoles() {
        CurrentCaller current = withProject("p1");
        assertThat(current.caller().projectId()).isEqualTo(new ProjectId("p1"));
        assertThat(current.caller().roles()).containsExactly("creator");
    }

    @Test
    void caller_noToken_unauthorized() {
        assertThatThrownBy(() -> new CurrentCaller().caller()).isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void caller_unscopedToken_unauthorized() {
        assertThatThrownBy(() -> withProject(null).caller()).isInstanceOf(NotAuthenticatedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void caller_blankProjectClaim_unauthorizedNotAServerError(String blank) {
        assertThatThrownBy(() -> withProject(blank).caller()).isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void clear_endsTheCaller() {
        CurrentCaller current = withProject("p1");
        current.clear();
        assertThatThrownBy(current::caller).isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void caller_isTheSettingThreadsOnly() throws Exception {
        CurrentCaller current = withProject("p1");
        Throwable elsewhere = CompletableFuture.supplyAsync(() -> {
            try {
                current.caller();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }).get();
        assertThat(elsewhere).isInstanceOf(NotAuthenticatedException.class);
        assertThat(current.caller().projectId()).isEqualTo(new ProjectId("p1"));
    }

    private static CurrentCaller withProject(String projectId) {
        CurrentCaller current = new CurrentCaller();
        current.set(new TokenClaims("issuer", "t1", "u1", "user", projectId, null, List.of("creator"),
                List.of("password"), Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), List.of(), false));
        return current;
    }
}
