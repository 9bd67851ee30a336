package io.boat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for test servers, picked below Linux's ephemeral range (32768+): a port
 * from {@code new ServerSocket(0)} can be taken by an outgoing connection's local port before the
 * server binds it, which once cost a CI run a Payara Micro start.
 */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A free port whose successor is free too (swtpm and Payara use the next port). */
    public static int freePair() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        try {
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            for (int i = 0; i < 200; i++) {
                int p = r.nextInt(20_000, 32_700);
                try (ServerSocket s = new ServerSocket(p, 1, loopback);
                     ServerSocket next = new ServerSocket(p + 1, 1, loopback)) {
                    return p;
                } catch (IOException busy) {
                    // try another
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no free port pair below the ephemeral range");
    }
}
