package io.boat.kmip.outbound;

import io.boat.kmip.api.KmipAttributes;
import io.boat.kmip.api.KmipConnection;
import io.boat.kmip.api.KmipConnectionException;
import io.boat.kmip.api.KmipException;
import io.boat.kmip.api.KmipObject;
import io.boat.kmip.api.KmipVersion;
import io.boat.kmip.api.ServerInfo;
import io.boat.kmip.api.SymmetricKeyRequest;
import io.boat.kmip.client.KmipClient;
import java.util.List;

/**
 * What {@code getConnection()} returns: delegates to its managed connection's client, reports a
 * connection failure to the pool (CONNECTION_ERROR_OCCURRED) and its own close (CONNECTION_CLOSED).
 * Not API.
 */
public final class KmipConnectionHandle implements KmipConnection {

    private volatile KmipManagedConnection mc;

    KmipConnectionHandle(KmipManagedConnection mc) {
        this.mc = mc;
    }

    void associate(KmipManagedConnection other) {
        this.mc = other;
    }

    void invalidate() {
        this.mc = null;
    }

    private interface Call<T> {
        T run(KmipClient c) throws KmipException;
    }

    private <T> T call(Call<T> call) throws KmipException {
        KmipManagedConnection m = mc;
        if (m == null) {
            throw new KmipConnectionException("KMIP connection handle is closed", null);
        }
        try {
            return call.run(m.client());
        } catch (KmipException e) {
            if (e.isConnectionFailure()) {
                m.connectionFailed(this, e);
            }
            throw e;
        }
    }

    @Override
    public List<KmipVersion> discoverVersions() throws KmipException {
        return call(KmipClient::discoverVersions);
    }

    @Override
    public KmipVersion protocolVersion() {
        KmipManagedConnection m = mc;
        return m == null ? null : m.client().protocolVersion();
    }

    @Override
    public ServerInfo query() throws KmipException {
        return call(KmipClient::query);
    }

    @Override
    public String create(SymmetricKeyRequest request) throws KmipException {
        return call(c -> c.create(request));
    }

    @Override
    public String register(KmipObject object, String name) throws KmipException {
        return call(c -> c.register(object, name));
    }

    @Override
    public KmipObject get(String uid) throws KmipException {
        return call(c -> c.get(uid));
    }

    @Override
    public KmipAttributes getAttributes(String uid, String... names) throws KmipException {
        return call(c -> c.getAttributes(uid, names));
    }

    @Override
    public List<String> locate(String name) throws KmipException {
        return call(c -> c.locate(name));
    }

    @Override
    public void activate(String uid) throws KmipException {
        call(c -> {
            c.activate(uid);
            return null;
        });
    }

    @Override
    public void revoke(String uid) throws KmipException {
        call(c -> {
            c.revoke(uid);
            return null;
        });
    }

    @Override
    public void destroy(String uid) throws KmipException {
        call(c -> {
            c.destroy(uid);
            return null;
        });
    }

    @Override
    public void close() {
        KmipManagedConnection m = mc;
        mc = null;
        if (m != null) {
            m.handleClosed(this);
        }
    }
}
