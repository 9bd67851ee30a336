package io.boat.listener;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;

/**
 * Closes a connection once a refusal has been written (or could not be): whatever the client sends
 * after a request the guards refused is not read.
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
