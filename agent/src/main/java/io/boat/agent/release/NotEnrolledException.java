package io.boat.agent.release;

/** The state directory holds no enrolled AK and registered bind key, so there is nothing to release to. */
public class NotEnrolledException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public NotEnrolledException(String message) {
        super(message);
    }
}
