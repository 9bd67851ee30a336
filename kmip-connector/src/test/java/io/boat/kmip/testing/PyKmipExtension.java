package io.boat.kmip.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one PyKMIP server for the whole test run (stored in the root context, stopped
 * when the run ends), injected as a {@link PyKmipServer} parameter.
 */
public final class PyKmipExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PyKmipExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == PyKmipServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return server(c);
    }

    private static PyKmipServer server(ExtensionContext context) {
        Holder h = context.getRoot().getStore(NS).getOrComputeIfAbsent("server", k -> new Holder(), Holder.class);
        return h.server;
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final PyKmipServer server;

        Holder() {
            try {
                server = PyKmipServer.start(PyKmipServer.newWorkDir("shared"));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start PyKMIP: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            server.close();
        }
    }
}
