package io.boat.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a process and its descendants listen on, as the kernel reports them (Linux):
 * the socket inodes the processes hold open ({@code /proc/PID/fd}) matched against the LISTEN
 * entries of {@code /proc/net/tcp} and {@code /proc/net/tcp6}. An IPv4-mapped IPv6 listener
 * ({@code ::ffff:127.0.0.1}) comes back as the IPv4 address it accepts.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** The addresses the process {@code pid} and its descendants listen on. */
    static List<InetSocketAddress> of(long pid) {
        Set<String> inodes = new HashSet<>();
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        Stream.concat(Stream.of(root), root.descendants()).forEach(p -> inodes.addAll(socketInodes(p.pid())));
        return listeners().stream().filter(l -> inodes.contains(l.inode())).map(Listener::address).toList();
    }

    /** The addresses any process listens on at {@code port}. */
    static List<InetSocketAddress> onPort(int port) {
        return listeners().stream().map(Listener::address).filter(a -> a.getPort() == port).toList();
    }

    private record Listener(InetSocketAddress address, String inode) {
    }

    private static List<Listener> listeners() {
        List<Listener> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : lines(Path.of(table)).stream().skip(1).toList()) {
                String[] f = line.trim().split("\\s+");
                // f[1] local address:port in hex, f[3] state, f[9] inode
                if (f[3].equals(LISTEN)) {
                    listening.add(new Listener(address(f[1]), f[9]));
                }
            }
        }
        return listening;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while we listed them: not a listener we could miss
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }

    /** {@code 0100007F:1F90} (IPv4) or 32 hex digits then the port (IPv6), each 32-bit word little-endian. */
    static InetSocketAddress address(String hex) {
        String[] parts = hex.split(":");
        byte[] raw = HexFormat.of().parseHex(parts[0]);
        byte[] bytes = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                bytes[word + i] = raw[word + 3 - i];
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(parts[1], 16));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address " + hex, e);
        }
    }

    private static List<String> lines(Path table) {
        try {
            return Files.readAllLines(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
