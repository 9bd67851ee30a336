package io.boat.kms.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.KmsException;
import io.boat.kms.NotAuthenticatedException;
import io.boat.kms.identity.TokenClaims;
import io.boat.kms.identity.TokenVerifier;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the filter leaves in {@link CurrentCaller} for the request that follows on the same thread. */
class TokenAuthFilterTest {

    private static final TokenClaims ALICE = new TokenClaims("issuer", "t1", "u1", "alice", "p1", null,
            List.of("creator"), List.of("password"), Instant.EPOCH, Instant.now().plusSeconds(3600), List.of(), false);

    private final TokenAuthFilter filter = new TokenAuthFilter();

    TokenAuthFilterTest() {
        filter.current = new CurrentCaller();
        filter.tokens = new TokenVerifier() {
            @Override
            public TokenClaims verify(String token) {
                if (!token.equals("good")) {
                    throw KmsException.unauthorized();
                }
                return ALICE;
            }
        };
    }

    @Test
    void validToken_inEitherHeader_setsTheCaller() {
        filter.filter(request(Map.of("X-Auth-Token", "good")));
        assertThat(filter.current.caller().userName()).isEqualTo("alice");
        filter.current.clear();
        filter.filter(request(Map.of("Authorization", "bearer good")));
        assertThat(filter.current.caller().userName()).isEqualTo("alice");
    }

    @Test
    void noToken_afterAnAuthenticatedRequestOnTheThread_isNobody() {
        filter.filter(request(Map.of("X-Auth-Token", "good")));
        filter.filter(request(Map.of()));
        assertThatThrownBy(filter.current::caller).isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void refusedToken_afterAnAuthenticatedRequestOnTheThread_leavesNoCallerBehind() {
        filter.filter(request(Map.of("X-Auth-Token", "good")));
        assertThatThrownBy(() -> filter.filter(request(Map.of("X-Auth-Token", "forged"))))
                .isInstanceOf(NotAuthenticatedException.class);
        assertThatThrownBy(filter.current::caller).isInstanceOf(NotAuthenticatedException.class);
    }

    /** A request with these headers (what the filter reads) and no verified claims from SlowBodyGuard. */
    private static ContainerRequestContext request(Map<String, String> headers) {
        return (ContainerRequestContext) Proxy.newProxyInstance(TokenAuthFilterTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderString" -> headers.get((String) args[0]);
                    case "getProperty" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
