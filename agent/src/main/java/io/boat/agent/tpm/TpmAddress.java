package io.boat.agent.tpm;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the TPM is: {@code device:/dev/tpmrm0} (the kernel resource manager) or a swtpm over TCP,
 * written {@code tcp:HOST:PORT} or, as tpm2-tools' TCTI, {@code swtpm:host=HOST,port=PORT}.
 * The swtpm control port is PORT + 1.
 */
public record TpmAddress(String device, String host, int port) {
    public static final String DEFAULT_DEVICE = "/dev/tpmrm0";

    public static TpmAddress parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return new TpmAddress(DEFAULT_DEVICE, null, 0);
        }
        if (spec.startsWith("device:")) {
            return new TpmAddress(spec.substring("device:".length()), null, 0);
        }
        if (spec.startsWith("/")) {
            return new TpmAddress(spec, null, 0);
        }
        String host = null;
        String port = null;
        if (spec.startsWith("tcp:")) {
            String rest = spec.substring(4);
            int colon = rest.lastIndexOf(':');
            if (colon > 0) {
                host = rest.substring(0, colon);
                port = rest.substring(colon + 1);
            }
        } else if (spec.startsWith("swtpm:") || spec.startsWith("mssim:")) {
            host = "127.0.0.1";
            port = "2321";
            for (String kv : spec.substring(spec.indexOf(':') + 1).split(",")) {
                if (kv.startsWith("host=")) {
                    host = kv.substring(5);
                } else if (kv.startsWith("port=")) {
                    port = kv.substring(5);
                }
            }
        }
        if (host == null || port == null || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65534) {
            throw new IllegalArgumentException("TPM address '" + spec + "' is not device:PATH, tcp:HOST:PORT or "
                + "swtpm:host=HOST,port=PORT");
        }
        return new TpmAddress(null, host, Integer.parseInt(port));
    }

    public boolean isDevice() {
        return device != null;
    }

    /** Fails with a message an operator can act on when the device does not exist. */
    void requirePresent() {
        if (isDevice() && !Files.exists(Path.of(device))) {
            throw new TpmUnavailableException("no TPM: " + device + " does not exist; use --tpm "
                + "tcp:HOST:PORT (or BOAT_TPM) to reach a swtpm");
        }
    }

    @Override
    public String toString() {
        return isDevice() ? "device:" + device : "tcp:" + host + ":" + port;
    }
}
