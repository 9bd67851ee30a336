package io.boat.kmip.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.Serializable;
import javax.transaction.xa.XAResource;

/** The KMIP resource adapter: outbound only, no state of its own. */
public final class KmipResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public void start(BootstrapContext ctx) {
        // nothing to start: connections are opened by the managed connection factory
    }

    @Override
    public void stop() {
        // managed connections are destroyed by the container's pool
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        throw new jakarta.resource.NotSupportedException("The KMIP adapter has no inbound side");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        // no inbound side
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KmipResourceAdapter;
    }

    @Override
    public int hashCode() {
        return KmipResourceAdapter.class.hashCode();
    }
}
