package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Keystone's account lockout with BOAT's defaults (6 failures, 1800 s) and the record of failed
 * logins (issue 10): after six wrong passwords even the right one is refused, other accounts are
 * untouched, and the log names the user and source of each failure but never the password.
 */
class LockoutIT {

    @Test
    void sixWrongPasswords_lockTheAccount_andEachFailureIsLoggedWithoutThePassword() throws Exception {
        SharedServer.Tenant t = SharedServer.tenant("creator", "observer");
        SharedServer.Tenant.Member m = t.member("creator");
        Api api = SharedServer.get().api();
        String wrong = "wrong-" + m.password();
        for (int i = 0; i < 6; i++) {
            assertThat(api.postJson("/v3/auth/tokens", Api.passwordAuth(m.name(), wrong, t.projectName())).status())
                    .isEqualTo(401);
        }
        Api.Response locked = api.postJson("/v3/auth/tokens", Api.passwordAuth(m.name(), m.password(), t.projectName()));
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().getJsonObject("error").getString("message"))
                .isEqualTo("The request you have made requires authentication.");
        assertThat(api.postJson("/v3/users/" + m.id() + "/password", "{\"user\":{\"original_password\":\""
                + m.password() + "\",\"password\":\"another-password-1\"}}").status()).isEqualTo(401);
        SharedServer.Tenant.Member other = t.member("observer");
        assertThat(api.postJson("/v3/auth/tokens", Api.passwordAuth(other.name(), other.password(), t.projectName()))
                .status()).isEqualTo(201);

        String log = Files.readString(SharedServer.get().home().resolve("server.log"));
        assertThat(log).contains("Failed login: user '" + m.name() + "' from 127.0.0.1");
        assertThat(log).contains("Login refused, account locked: user '" + m.name() + "'");
        assertThat(log).doesNotContain(wrong);
    }
}
