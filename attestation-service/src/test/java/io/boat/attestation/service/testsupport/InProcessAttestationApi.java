package io.boat.attestation.service.testsupport;

import io.boat.agent.service.AttestationApi;
import io.boat.agent.service.ServiceException;
import io.boat.attestation.client.SignedTrustReport;
import io.boat.attestation.service.application.AttestationException;
import io.boat.attestation.service.application.AttestationService;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Supplier;

/** The agent's service API bound directly to the attestation core (no HTTP), for verifier cases. */
public final class InProcessAttestationApi implements AttestationApi {
    private final AttestationService service;

    public InProcessAttestationApi(AttestationService service) {
        this.service = service;
    }

    @Override
    public EnrollChallenge enroll(byte[] ekPublic, byte[] ekCertificate, byte[] akPublic, String hostname) {
        AttestationService.Enrollment e = call(() -> service.enroll(ekPublic, ekCertificate, akPublic, hostname));
        return new EnrollChallenge(e.hostId(), e.akName(), e.credentialBlob(), e.encryptedSecret());
    }

    @Override
    public void activate(String hostId, byte[] secret) {
        call(() -> service.activate(hostId, secret));
    }

    @Override
    public String registerBindKey(String akName, byte[] nonce, byte[] bindPublic, byte[] certifyInfo, byte[] signature) {
        return call(() -> service.registerBindKey(akName, nonce, bindPublic, certifyInfo, signature));
    }

    @Override
    public Challenge challenge(String akName) {
        AttestationService.Nonce n = call(() -> service.issueNonce(akName));
        return new Challenge(n.nonce(), n.pcrs());
    }

    @Override
    public Verdict submitQuote(String akName, byte[] nonce, byte[] attest, byte[] signature,
                               SortedMap<Integer, byte[]> pcrs) {
        SignedTrustReport r = call(() -> service.submitQuote(akName, nonce, attest, signature, pcrs));
        return new Verdict(r.getReport().isTrusted(), List.copyOf(r.getReport().getReasons()),
            String.valueOf(r.getReport().getExpiresAt()), r.getJws());
    }

    private static <T> T call(Supplier<T> s) {
        try {
            return s.get();
        } catch (AttestationException e) {
            int status = switch (e.kind()) {
                case BAD_REQUEST -> 400;
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case TOO_MANY -> 429;
                case REFUSED -> 403;
            };
            throw new ServiceException(status, e.code(), e.getMessage());
        }
    }
}
