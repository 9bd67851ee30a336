package io.boat.agent.tpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The agent's {@code --tpm} address forms. */
class TpmAddressTest {

    @Test
    void parse_swtpmTcti_yieldsHostAndPort() {
        TpmAddress a = TpmAddress.parse("swtpm:host=10.0.0.5,port=2400");
        assertThat(a.isDevice()).isFalse();
        assertThat(a.host()).isEqualTo("10.0.0.5");
        assertThat(a.port()).isEqualTo(2400);
    }

    @Test
    void parse_tcpHostPort_yieldsHostAndPort() {
        TpmAddress a = TpmAddress.parse("tcp:127.0.0.1:2321");
        assertThat(a.host()).isEqualTo("127.0.0.1");
        assertThat(a.port()).isEqualTo(2321);
    }

    @Test
    void parse_nothing_defaultsToKernelResourceManager() {
        assertThat(TpmAddress.parse(null).device()).isEqualTo("/dev/tpmrm0");
    }

    @Test
    void parse_garbage_failsNamingTheAcceptedForms() {
        assertThatThrownBy(() -> TpmAddress.parse("tcp:nohostport"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("swtpm:host=HOST,port=PORT");
    }
}
