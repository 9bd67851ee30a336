package io.boat.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void freeBlock_everyPortOfTheBlockCanBeBoundOnLoopback() throws Exception {
        int base = LoopbackPorts.freeBlock(-80, 20);

        assertThat(base - 80).isGreaterThanOrEqualTo(20_000);
        assertThat(base + 20).isLessThan(32_768);
        List<ServerSocket> bound = new ArrayList<>();
        try {
            for (int p = base - 80; p <= base + 20; p++) {
                bound.add(new ServerSocket(p, 1, InetAddress.getByName("127.0.0.1")));
            }
            assertThat(bound).hasSize(101);
        } finally {
            for (ServerSocket s : bound) {
                s.close();
            }
        }
    }

    @Test
    void freePair_portAndSuccessorAreFree() throws Exception {
        int p = LoopbackPorts.freePair();

        try (ServerSocket a = new ServerSocket(p, 1, InetAddress.getByName("127.0.0.1"));
             ServerSocket b = new ServerSocket(p + 1, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(b.getLocalPort()).isEqualTo(a.getLocalPort() + 1);
        }
    }

    @Test
    void freeBlock_notContainingItsBasePort_isRefused() {
        assertThatThrownBy(() -> LoopbackPorts.freeBlock(1, 5)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("1..5");
        assertThatThrownBy(() -> LoopbackPorts.freeBlock(-5, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
