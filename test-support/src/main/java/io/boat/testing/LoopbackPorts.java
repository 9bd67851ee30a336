package io.boat.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for test servers, picked below Linux's ephemeral range (32768+): a port
 * from {@code new ServerSocket(0)} can be taken by an outgoing connection's local port before the
 * server binds it, which once cost a CI run a Payara Micro start.
 */
public final class LoopbackPorts {
    private static final int LOWEST = 20_000;
    /** Just below the ephemeral range. */
    private static final int HIGHEST = 32_700;

    private LoopbackPorts() {
    }

    /** A free port whose successor is free too (swtpm and Payara use the next port). */
    public static int freePair() {
        return freeBlock(0, 1);
    }

    /**
     * A port p such that every port from p + {@code below} to p + {@code above} is free: servers whose
     * start scripts derive other listeners from one base port (Payara Server's admin port sits below
     * its HTTP port) need the whole block.
     */
    public static int freeBlock(int below, int above) {
        if (below > 0 || above < 0) {
            throw new IllegalArgumentException("block " + below + ".." + above + " does not contain its base port");
        }
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 200; i++) {
            int p = r.nextInt(LOWEST - below, HIGHEST - above);
            if (allFree(p + below, p + above)) {
                return p;
            }
        }
        throw new IllegalStateException("no free block of ports " + below + ".." + above + " below the ephemeral range");
    }

    private static boolean allFree(int low, int high) {
        for (int p = low; p <= high; p++) {
            // a wildcard bind fails if anything listens on the port on any address, loopback included
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress(p));
            } catch (IOException busy) {
                return false;
            }
        }
        return true;
    }
}
