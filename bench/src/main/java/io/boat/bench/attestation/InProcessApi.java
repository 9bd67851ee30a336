package io.boat.bench.attestation;

import io.boat.agent.service.AttestationApi;
import io.boat.attestation.client.SignedTrustReport;
import io.boat.attestation.service.application.AttestationService;
import java.util.List;
import java.util.SortedMap;

/** The agent's service API bound to the attestation core in the same JVM (no HTTP). */
final class InProcessApi implements AttestationApi {
    private final AttestationService service;

    InProcessApi(AttestationService service) {
        this.service = service;
    }

    @Override
    public EnrollChallenge enroll(byte[] ekPublic, byte[] ekCertificate, byte[] akPublic, String hostname) {
        AttestationService.Enrollment e = service.enroll(ekPublic, ekCertificate, akPublic, hostname);
        return new EnrollChallenge(e.hostId(), e.akName(), e.credentialBlob(), e.encryptedSecret());
    }

    @Override
    public void activate(String hostId, byte[] secret) {
        service.activate(hostId, secret);
    }

    @Override
    public String registerBindKey(String akName, byte[] nonce, byte[] bindPublic, byte[] certifyInfo, byte[] signature) {
        return service.registerBindKey(akName, nonce, bindPublic, certifyInfo, signature);
    }

    @Override
    public Challenge challenge(String akName) {
        AttestationService.Nonce n = service.issueNonce(akName);
        return new Challenge(n.nonce(), n.pcrs());
    }

    @Override
    public Verdict submitQuote(String akName, byte[] nonce, byte[] attest, byte[] signature,
                               SortedMap<Integer, byte[]> pcrs) {
        SignedTrustReport r = service.submitQuote(akName, nonce, attest, signature, pcrs);
        return new Verdict(r.getReport().isTrusted(), List.copyOf(r.getReport().getReasons()),
            String.valueOf(r.getReport().getExpiresAt()), r.getJws());
    }
}
