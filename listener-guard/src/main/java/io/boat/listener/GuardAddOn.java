package io.boat.listener;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLBaseFilter;

/**
 * Puts BOAT's listener guards into the filter chain of each Payara HTTP listener that has
 * {@code comet-support-enabled=true} (deploy/preboot.sh sets it). Payara offers no setting for a
 * custom filter in an HTTP protocol, but it looks the Comet add-on up in HK2 by the name "comet"
 * every time it builds a listener's chain (at start and after each reconfiguration); this jar's
 * HK2 descriptor (META-INF/hk2-locator/default) ranks this class above Grizzly's Comet provider,
 * which BOAT does not use. Payara Micro reads HK2 descriptors only from the jars in its uber jar's
 * MICRO-INF/runtime (not from --addlibs jars), so deploy/pom.xml puts this jar there.
 */
public final class GuardAddOn implements AddOn {

    private static final Logger LOG = Logger.getLogger(GuardAddOn.class.getName());
    private static final AtomicBoolean LOGGED_CLEARTEXT = new AtomicBoolean();
    private static final AtomicBoolean LOGGED_TLS = new AtomicBoolean();

    /** Grizzly passes no listener for the Comet add-on (null): the chain itself says what it serves. */
    @Override
    public void setup(NetworkListener ignored, FilterChainBuilder builder) {
        int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
        int server = builder.indexOfType(org.glassfish.grizzly.http.server.HttpServerFilter.class);
        if (codec < 0 || server < 0) {
            LOG.warning("BOAT listener guard not installed: no HTTP codec and server filters in the chain");
            return;
        }
        boolean secure = builder.indexOfType(SSLBaseFilter.class) >= 0;
        builder.add(server, new RequestTargetGuard());
        builder.add(codec, new RequestLineGuard(secure));
        // Payara rebuilds a chain on each change to its listener (five at start): say it once.
        if ((secure ? LOGGED_TLS : LOGGED_CLEARTEXT).compareAndSet(false, true)) {
            LOG.info(() -> "BOAT listener guard installed on the" + (secure ? " TLS" : " cleartext") + " HTTP listener");
        }
    }
}
