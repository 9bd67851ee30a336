package io.boat.agent.tpm;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import tss.TpmDevice;
import tss.TpmException;

/**
 * A swtpm data channel over TCP carrying raw TPM commands and responses (what tpm2-tools' swtpm
 * TCTI sends). The TPM is expected to be started up already (swtpm --flags startup-clear).
 */
public final class SwtpmSocketDevice extends TpmDevice {
    private static final int MAX_RESPONSE = 64 * 1024;
    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private byte[] pending;

    public SwtpmSocketDevice(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public boolean connect() {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(120_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            return true;
        } catch (IOException e) {
            throw new TpmUnavailableException("no TPM: cannot connect to swtpm at " + host + ":" + port
                + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void dispatchCommand(byte[] command) {
        try {
            out.write(command);
            out.flush();
            DataInputStream din = new DataInputStream(in);
            byte[] header = new byte[10];
            din.readFully(header);
            int size = ((header[2] & 0xff) << 24) | ((header[3] & 0xff) << 16) | ((header[4] & 0xff) << 8) | (header[5] & 0xff);
            if (size < 10 || size > MAX_RESPONSE) {
                throw new TpmException("swtpm response size " + size + " is invalid");
            }
            byte[] response = new byte[size];
            System.arraycopy(header, 0, response, 0, 10);
            din.readFully(response, 10, size - 10);
            pending = response;
        } catch (IOException e) {
            throw new TpmException("swtpm I/O error", e);
        }
    }

    @Override
    public byte[] getResponse() {
        byte[] r = pending;
        pending = null;
        return r;
    }

    @Override
    public boolean responseReady() {
        return pending != null;
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing
        }
    }
}
