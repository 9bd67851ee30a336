package io.boat.agent.service;

import java.util.List;
import java.util.SortedMap;

/** The attestation service calls the agent makes. Failures are {@link ServiceException}s. */
public interface AttestationApi {
    /** The credential-activation challenge returned by enrollment. */
    record EnrollChallenge(String hostId, String akName, byte[] credentialBlob, byte[] encryptedSecret) {
    }

    /** A single-use nonce and the PCRs the service wants quoted. */
    record Challenge(byte[] nonce, List<Integer> pcrs) {
    }

    /** The service's verdict on a quote, and the signed report (compact JWS). */
    record Verdict(boolean trusted, List<String> reasons, String expiresAt, String jws) {
    }

    EnrollChallenge enroll(byte[] ekPublic, byte[] ekCertificate, byte[] akPublic, String hostname);

    void activate(String hostId, byte[] secret);

    /** {@code nonce} is a challenge nonce from {@link #challenge}, certified as the TPM2_Certify qualifying data. */
    String registerBindKey(String akName, byte[] nonce, byte[] bindPublic, byte[] certifyInfo, byte[] signature);

    Challenge challenge(String akName);

    Verdict submitQuote(String akName, byte[] nonce, byte[] attest, byte[] signature, SortedMap<Integer, byte[]> pcrs);
}
