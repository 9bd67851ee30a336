package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The /proc/net/tcp{,6} address decoding of {@link ListeningSockets}, on lines as the kernel writes them. */
class ListeningSocketsTest {

    @Test
    void address_ipv4Loopback_decodedLittleEndian() {
        assertThat(ListeningSockets.address("0100007F:1F90")).isEqualTo(new InetSocketAddress("127.0.0.1", 8080));
    }

    @Test
    void address_ipv4MappedIpv6_isTheIpv4Address() {
        InetSocketAddress a = ListeningSockets.address("0000000000000000FFFF00000100007F:5F3C");
        assertThat(a.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(a.getPort()).isEqualTo(24380);
    }

    @Test
    void address_ipv6Wildcard_isAnyLocal() {
        InetSocketAddress a = ListeningSockets.address("00000000000000000000000000000000:5EED");
        assertThat(a.getAddress().isAnyLocalAddress()).isTrue();
        assertThat(a.getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:0");
    }

    @Test
    void address_ipv6Loopback_isColonColonOne() {
        assertThat(ListeningSockets.address("00000000000000000000000001000000:0016").getAddress().getHostAddress())
                .isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void onPort_ownListener_found() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(ListeningSockets.of(ProcessHandle.current().pid()))
                    .contains(new InetSocketAddress("127.0.0.1", s.getLocalPort()));
            assertThat(ListeningSockets.onPort(s.getLocalPort())).hasSize(1);
        }
    }
}
