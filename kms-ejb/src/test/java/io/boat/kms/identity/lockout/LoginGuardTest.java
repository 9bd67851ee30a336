package io.boat.kms.identity.lockout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.InvalidRequestException;
import io.boat.kms.KmsException;
import io.boat.kms.NotAuthenticatedException;
import io.boat.kms.identity.IdentityAdminService;
import io.boat.kms.identity.IdentityService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LoginGuardTest {

    private static final String SOURCE = "192.0.2.7";

    /** What the guard told the failure store; the counting rules themselves are LockoutTest's and SourceThrottleTest's. */
    private final List<String> recorded = new ArrayList<>();
    private final Set<String> throttledSources = new HashSet<>();
    private final Set<String> lockedAccounts = new HashSet<>();
    private int attempts;
    private Supplier<RuntimeException> outcome = () -> null;

    private final LoginGuard guard = guard();

    private LoginGuard guard() {
        LoginGuard g = new LoginGuard();
        g.failures = new LoginFailures() {
            @Override
            public boolean sourceAllowed(String source) {
                return !throttledSources.contains(source);
            }

            @Override
            public boolean locked(String account) {
                return lockedAccounts.contains(account);
            }

            @Override
            public void sourceFailed(String source) {
                recorded.add("source-failed " + source);
            }

            @Override
            public void failed(String account, String source) {
                recorded.add("failed " + account + " " + source);
            }

            @Override
            public void succeeded(String account) {
                recorded.add("succeeded " + account);
            }
        };
        g.identity = new IdentityService() {
            @Override
            public String accountKey(UserRef ref) {
                return "acct-" + ref.id();
            }
        };
        g.admin = new IdentityAdminService() {
            @Override
            public void changePassword(String userId, char[] original, char[] password) {
                attempts++;
                RuntimeException e = outcome.get();
                if (e != null) {
                    throw e;
                }
            }
        };
        return g;
    }

    private void changePassword() {
        guard.changePassword("u1", "old-password".toCharArray(), "new-password".toCharArray(), SOURCE);
    }

    @Test
    void throttledSource_refusedBeforeAnyPasswordIsChecked() {
        throttledSources.add(SOURCE);

        assertThatThrownBy(this::changePassword).isInstanceOf(LoginsThrottledException.class)
                .extracting(e -> ((KmsException) e).clientMessage()).asString().contains("retry later");
        assertThat(attempts).isZero();
        assertThat(recorded).isEmpty();
    }

    @Test
    void lockedAccount_refusedLikeAWrongPassword_countsAgainstTheSourceOnly() {
        lockedAccounts.add("acct-u1");

        assertThatThrownBy(this::changePassword).isInstanceOf(NotAuthenticatedException.class);
        assertThat(attempts).isZero();
        assertThat(recorded).containsExactly("source-failed " + SOURCE);
    }

    @Test
    void wrongPassword_countedAgainstAccountAndSource_andRethrown() {
        outcome = KmsException::unauthorized;

        assertThatThrownBy(this::changePassword).isInstanceOf(NotAuthenticatedException.class);
        assertThat(recorded).containsExactly("failed acct-u1 " + SOURCE);
    }

    @Test
    void invalidNewPassword_isNotALoginFailure() {
        outcome = () -> new InvalidRequestException("Invalid password: 8 to 1024 characters required");

        assertThatThrownBy(this::changePassword).isInstanceOf(InvalidRequestException.class);
        assertThat(attempts).isEqualTo(1);
        assertThat(recorded).isEmpty();
    }

    @Test
    void success_startsTheCountAgain() {
        changePassword();

        assertThat(recorded).containsExactly("succeeded acct-u1");
    }

    @Test
    void printable_replacesControlCharacters_andBoundsLength() {
        assertThat(LoginGuard.printable("bob\r\nINFO forged line")).isEqualTo("'bob??INFO forged line'");
        assertThat(LoginGuard.printable("x".repeat(500))).hasSize(103);
        assertThat(LoginGuard.printable(null)).isEqualTo("(none)");
    }
}
