package io.boat.listener;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;

/**
 * Closes the connection once a refusal has been written (or could not be): what else the client
 * sent is not read, and the client sees the close instead of waiting for the keep-alive timeout.
 */
final class CloseAfterWrite extends EmptyCompletionHandler<WriteResult> {

    private final Connection<?> connection;

    CloseAfterWrite(Connection<?> connection) {
        this.connection = connection;
    }

    @Override
    public void completed(WriteResult result) {
        connection.closeSilently();
    }

    @Override
    public void failed(Throwable error) {
        connection.closeSilently();
    }
}
