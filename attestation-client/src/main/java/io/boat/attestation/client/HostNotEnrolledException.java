package io.boat.attestation.client;

/** The attestation service does not know the AK a report was asked for (its 404). */
public class HostNotEnrolledException extends Exception {
    private static final long serialVersionUID = 1L;

    public HostNotEnrolledException(String akName) {
        super("the attestation service has no host with AK " + akName);
    }
}
