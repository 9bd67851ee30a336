package io.boat.kmip.client;

import io.boat.kmip.api.KmipAttributes;
import io.boat.kmip.api.KmipConnection;
import io.boat.kmip.api.KmipConnectionException;
import io.boat.kmip.api.KmipException;
import io.boat.kmip.api.KmipObject;
import io.boat.kmip.api.KmipVersion;
import io.boat.kmip.api.ResultReason;
import io.boat.kmip.api.ServerInfo;
import io.boat.kmip.api.SymmetricKeyRequest;
import io.boat.kmip.message.KmipEnumerations;
import io.boat.kmip.message.KmipEnumerations.Operation;
import io.boat.kmip.message.OperationPayloads;
import io.boat.kmip.message.RequestMessage;
import io.boat.kmip.message.ResponseMessage;
import io.boat.kmip.ttlv.TtlvDecoder;
import io.boat.kmip.ttlv.TtlvException;
import io.boat.kmip.ttlv.TtlvItem;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocket;

/**
 * One TLS connection to a KMIP server, one request at a time. Any I/O, TLS or framing failure
 * marks the client broken ({@link #isBroken()}) and surfaces as {@link KmipConnectionException};
 * a failed KMIP result surfaces as a plain {@link KmipException} and leaves the connection usable.
 * Not thread-safe. Logs operations and unique identifiers only, never material.
 */
public final class KmipClient implements KmipConnection {

    private static final Logger LOG = Logger.getLogger(KmipClient.class.getName());
    /** Versions BOAT encodes (1.x Template-Attribute encoding), preferred first. */
    private static final List<KmipVersion> SUPPORTED = List.of(new KmipVersion(1, 4), new KmipVersion(1, 3),
            KmipVersion.V1_2, new KmipVersion(1, 1), KmipVersion.V1_0);

    private final KmipClientConfig config;
    private final TtlvDecoder decoder = new TtlvDecoder();
    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private KmipVersion version;
    private volatile boolean broken;
    private volatile long lastUsedNanos = System.nanoTime();

    private KmipClient(KmipClientConfig config, SSLSocket socket) throws IOException {
        this.config = config;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        this.version = config.version();
    }

    /** Connects, completes the TLS handshake and negotiates the protocol version. */
    public static KmipClient connect(KmipClientConfig config) throws KmipException {
        SSLSocket s = null;
        try {
            Socket plain = new Socket();
            plain.setTcpNoDelay(true);
            plain.setSoTimeout(config.readTimeoutMillis());
            plain.connect(new InetSocketAddress(config.host(), config.port()), config.connectTimeoutMillis());
            s = (SSLSocket) config.sslContext().getSocketFactory().createSocket(plain, config.host(), config.port(), true);
            if (!config.protocols().isEmpty()) {
                s.setEnabledProtocols(config.protocols().toArray(String[]::new));
            }
            if (!config.cipherSuites().isEmpty()) {
                s.setEnabledCipherSuites(config.cipherSuites().toArray(String[]::new));
            }
            s.setSoTimeout(config.readTimeoutMillis());
            s.startHandshake();
            KmipClient client = new KmipClient(config, s);
            client.negotiate();
            return client;
        } catch (IOException e) {
            closeQuietly(s);
            throw new KmipConnectionException("Cannot connect to KMIP server " + config.host() + ":" + config.port()
                    + ": " + describe(e), e);
        } catch (KmipException e) {
            closeQuietly(s);
            throw e;
        }
    }

    private void negotiate() throws KmipException {
        List<KmipVersion> offered = new ArrayList<>();
        for (KmipVersion v : SUPPORTED) {
            if (v.compareTo(config.version()) <= 0) {
                offered.add(v);
            }
        }
        List<KmipVersion> answer;
        try {
            answer = OperationPayloads.parseVersions(call(Operation.DISCOVER_VERSIONS, OperationPayloads.discoverVersions(offered)));
        } catch (KmipException e) {
            if (e.isConnectionFailure()) {
                throw e;
            }
            // a KMIP 1.0 server has no Discover Versions: keep the configured version
            LOG.fine(() -> "Discover Versions refused (" + e.resultReason() + "); staying at " + version);
            return;
        } catch (TtlvException e) {
            throw protocolError(e);
        }
        for (KmipVersion v : answer) {
            if (offered.contains(v)) {
                version = v;
                return;
            }
        }
        broken = true;
        throw new KmipException(ResultReason.OPERATION_NOT_SUPPORTED,
                "KMIP server supports none of the offered versions " + offered + " (it offers " + answer + ")");
    }

    // ---- KmipConnection --------------------------------------------------------------------

    @Override
    public KmipVersion protocolVersion() {
        return version;
    }

    @Override
    public List<KmipVersion> discoverVersions() throws KmipException {
        return parse(() -> OperationPayloads.parseVersions(call(Operation.DISCOVER_VERSIONS, OperationPayloads.discoverVersions(List.of()))));
    }

    @Override
    public ServerInfo query() throws KmipException {
        return parse(() -> OperationPayloads.parseServerInfo(call(Operation.QUERY, OperationPayloads.query())));
    }

    @Override
    public String create(SymmetricKeyRequest request) throws KmipException {
        return parse(() -> OperationPayloads.parseUid(call(Operation.CREATE, OperationPayloads.create(request))));
    }

    @Override
    public String register(KmipObject object, String name) throws KmipException {
        return parse(() -> OperationPayloads.parseUid(call(Operation.REGISTER, OperationPayloads.register(object, name))));
    }

    @Override
    public KmipObject get(String uid) throws KmipException {
        return parse(() -> OperationPayloads.parseObject(call(Operation.GET, OperationPayloads.uid(uid))));
    }

    @Override
    public KmipAttributes getAttributes(String uid, String... names) throws KmipException {
        return parse(() -> OperationPayloads.parseAttributes(call(Operation.GET_ATTRIBUTES, OperationPayloads.getAttributes(uid, names))));
    }

    @Override
    public List<String> locate(String name) throws KmipException {
        return parse(() -> OperationPayloads.parseLocate(call(Operation.LOCATE, OperationPayloads.locateByName(name))));
    }

    @Override
    public void activate(String uid) throws KmipException {
        call(Operation.ACTIVATE, OperationPayloads.uid(uid));
    }

    @Override
    public void revoke(String uid) throws KmipException {
        call(Operation.REVOKE, OperationPayloads.revoke(uid, KmipEnumerations.REVOCATION_CESSATION_OF_OPERATION));
    }

    @Override
    public void destroy(String uid) throws KmipException {
        call(Operation.DESTROY, OperationPayloads.uid(uid));
    }

    /** Closes the socket. */
    @Override
    public void close() {
        broken = true;
        closeQuietly(socket);
    }

    // ---- state for pools ---------------------------------------------------------------------

    /** Whether the connection failed or was closed and must not be reused. */
    public boolean isBroken() {
        return broken || socket.isClosed() || socket.isInputShutdown() || socket.isOutputShutdown();
    }

    /**
     * A stale-connection check that costs no round trip: between requests a KMIP server sends
     * nothing, so end-of-stream (the server restarted or timed us out) or any unsolicited byte
     * within a millisecond means this connection can no longer be used.
     */
    public boolean peerClosed() {
        if (isBroken()) {
            return true;
        }
        try {
            int timeout = socket.getSoTimeout();
            socket.setSoTimeout(1);
            try {
                in.read();
            } finally {
                socket.setSoTimeout(timeout);
            }
            broken = true;
        } catch (java.net.SocketTimeoutException quiet) {
            return false;
        } catch (IOException e) {
            broken = true;
        }
        closeQuietly(socket);
        return true;
    }

    /** Nanoseconds since the last completed request. */
    public long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    /** A cheap round trip (Discover Versions with no versions): true if the server answered. */
    public boolean ping() {
        try {
            discoverVersions();
            return true;
        } catch (KmipException e) {
            return !e.isConnectionFailure();
        }
    }

    // ---- plumbing ----------------------------------------------------------------------------

    private interface Parse<T> {
        T run() throws KmipException, TtlvException;
    }

    private <T> T parse(Parse<T> p) throws KmipException {
        try {
            return p.run();
        } catch (TtlvException e) {
            throw protocolError(e);
        }
    }

    /** Sends one single-item request and returns the successful payload. */
    private TtlvItem call(Operation op, TtlvItem payload) throws KmipException {
        if (isBroken()) {
            throw new KmipConnectionException("KMIP connection is closed", null);
        }
        byte[] request = RequestMessage.single(version, op, payload).encode();
        ResponseMessage response;
        try {
            out.write(request);
            out.flush();
            byte[] raw = decoder.readMessage(in);
            response = ResponseMessage.fromTtlv(decoder.decode(raw));
        } catch (IOException e) {
            broken = true;
            closeQuietly(socket);
            throw new KmipConnectionException(op + " to KMIP server " + config.host() + ":" + config.port()
                    + " failed: " + describe(e), e);
        } catch (TtlvException e) {
            throw protocolError(e);
        } finally {
            java.util.Arrays.fill(request, (byte) 0);
        }
        lastUsedNanos = System.nanoTime();
        if (response.items().size() != 1) {
            throw protocolError(new TtlvException(TtlvException.Reason.UNEXPECTED_ITEM,
                    response.items().size() + " batch items for one request"));
        }
        LOG.log(Level.FINE, "KMIP {0} done", op);
        return response.items().get(0).requireSuccess(op);
    }

    private KmipConnectionException protocolError(TtlvException e) {
        broken = true;
        closeQuietly(socket);
        return new KmipConnectionException("KMIP server " + config.host() + ":" + config.port()
                + " sent a malformed message: " + e.getMessage(), null);
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.SocketTimeoutException) {
            return "timed out (" + e.getMessage() + ")";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS failure: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
