package io.boat.agent;

import io.boat.agent.service.AttestationApi;
import io.boat.agent.tpm.KeyBlob;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;

/**
 * The attestation service as {@link Agent#enroll} sees it once the AK is activated: challenges naming
 * fixed PCRs, and a bind-key registration that records what it was given. Enrollment and quotes are
 * not part of it (the real service's own tests cover those).
 */
public final class FakeAttestationApi implements AttestationApi {
    /** A bind-key registration as the service received it. */
    public record Registration(String akName, byte[] nonce, byte[] bindPublic, byte[] certifyInfo) {
    }

    private final List<Integer> pcrs;
    private final List<byte[]> nonces = new ArrayList<>();
    private final List<Registration> registrations = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();

    public FakeAttestationApi(List<Integer> pcrs) {
        this.pcrs = pcrs;
    }

    public List<byte[]> nonces() {
        return nonces;
    }

    public List<Registration> registrations() {
        return registrations;
    }

    @Override
    public Challenge challenge(String akName) {
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        nonces.add(nonce);
        return new Challenge(nonce, pcrs);
    }

    @Override
    public String registerBindKey(String akName, byte[] nonce, byte[] bindPublic, byte[] certifyInfo, byte[] signature) {
        registrations.add(new Registration(akName, nonce, bindPublic, certifyInfo));
        return HexFormat.of().formatHex(new KeyBlob(bindPublic, new byte[0]).name());
    }

    @Override
    public EnrollChallenge enroll(byte[] ekPublic, byte[] ekCertificate, byte[] akPublic, String hostname) {
        throw new UnsupportedOperationException("enrollment is not faked: the host is already activated");
    }

    @Override
    public void activate(String hostId, byte[] secret) {
        throw new UnsupportedOperationException("activation is not faked");
    }

    @Override
    public Verdict submitQuote(String akName, byte[] nonce, byte[] attest, byte[] signature, SortedMap<Integer, byte[]> values) {
        throw new UnsupportedOperationException("quotes are not faked");
    }
}
