package io.boat.attestation.service.application;

import io.boat.attestation.client.ReferencePcrs;
import io.boat.attestation.client.SignedTrustReport;
import io.boat.attestation.client.TrustReport;
import io.boat.attestation.client.tpm.CertificationRejectedException;
import io.boat.attestation.client.tpm.KeyCertificationVerifier;
import io.boat.attestation.client.tpm.TpmFormatException;
import io.boat.attestation.client.tpm.TpmPublic;
import io.boat.attestation.service.domain.AttestationRepository;
import io.boat.attestation.service.domain.Challenge;
import io.boat.attestation.service.domain.Host;
import io.boat.attestation.service.domain.HostStatus;
import io.boat.attestation.service.tpm.MakeCredential;
import io.boat.attestation.client.tpm.TpmAttest;
import io.boat.attestation.client.tpm.TpmSignature;
import io.boat.attestation.service.verify.AkVerifier;
import io.boat.attestation.service.verify.EkCertificateValidator;
import io.boat.attestation.service.verify.EvidenceRejectedException;
import io.boat.attestation.service.verify.PcrPolicyEvaluator;
import io.boat.attestation.service.verify.QuoteVerifier;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The attestation use cases. A host enrolls (EK certificate validated, AK bound to the EK by
 * MakeCredential), proves it holds both by activating the credential, registers a bind key certified
 * by the AK over a service nonce, and then answers single-use challenges with quotes. A trust report is
 * judged when it is made, from the PCR values of the host's last verified quote against the host group's
 * current reference values: trusted only when that quote is authentic, fresh and unexpired, its PCRs
 * match, and a certified bind key is registered. Evidence that does not verify against the host's AK
 * says nothing about the host and changes nothing. Callers provide the transaction.
 */
public final class AttestationService {
    private static final Logger LOG = Logger.getLogger(AttestationService.class.getName());
    private static final HexFormat HEX = HexFormat.of();
    /** The RSA sizes accepted for EKs and AKs: TCG templates use 2048; 4096 is the largest TPM2B_PUBLIC_KEY_RSA. */
    private static final int MIN_RSA_BITS = 2048;
    private static final int MAX_RSA_BITS = 4096;
    /** What each TPM structure in a request must be, for 400 messages. */
    private static final Map<String, String> EXPECTED = Map.of(
        "ekPublic", "an RSA TPMT_PUBLIC or TPM2B_PUBLIC, base64",
        "akPublic", "an RSA TPMT_PUBLIC or TPM2B_PUBLIC, base64",
        "bindPublic", "an RSA TPMT_PUBLIC or TPM2B_PUBLIC, base64",
        "attest", "the TPMS_ATTEST bytes TPM2_Quote signed, base64",
        "certifyInfo", "the TPMS_ATTEST bytes TPM2_Certify signed, base64",
        "signature", "a TPMT_SIGNATURE, base64");

    private final AttestationRepository repository;
    private final EkCertificateValidator ekValidator;
    private final TrustReportSigner signer;
    private final AttestationSettings settings;
    private final Clock clock;
    private final SecureRandom random;
    private final QuoteVerifier quoteVerifier = new QuoteVerifier();
    private final KeyCertificationVerifier certificationVerifier = new KeyCertificationVerifier();
    private final NonceRateLimiter nonceLimiter;

    public AttestationService(AttestationRepository repository, EkCertificateValidator ekValidator,
                              TrustReportSigner signer, AttestationSettings settings, Clock clock, SecureRandom random) {
        this.repository = repository;
        this.ekValidator = ekValidator;
        this.signer = signer;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.nonceLimiter = new NonceRateLimiter(settings.noncesPerMinutePerSource(), clock);
    }

    /** Credential-activation challenge for a newly enrolled host. */
    public record Enrollment(String hostId, String akName, byte[] credentialBlob, byte[] encryptedSecret) {
    }

    /** A fresh nonce and the PCRs (SHA-256 bank) to quote. */
    public record Nonce(byte[] nonce, List<Integer> pcrs, OffsetDateTime expiresAt) {
    }

    /** Public areas may be TPMT_PUBLIC or TPM2B_PUBLIC; malformed input is a bad request, not a refusal. */
    public Enrollment enroll(byte[] ekPublicArea, byte[] ekCertificate, byte[] akPublicArea, String hostname) {
        byte[] ekPublic = publicArea("ekPublic", ekPublicArea).encoded();
        byte[] akPublic = publicArea("akPublic", akPublicArea).encoded();
        if (ekCertificate == null || ekCertificate.length == 0) {
            throw AttestationException.badRequest("bad_request", "ekCertificate is required (DER X.509, base64)");
        }
        try {
            EkCertificateValidator.parse(ekCertificate);
        } catch (EvidenceRejectedException e) {
            throw AttestationException.badRequest("bad_request", "ekCertificate is not a DER X.509 certificate");
        }
        TpmPublic ek;
        TpmPublic ak;
        try {
            ek = ekValidator.validate(ekCertificate, ekPublic);
            ak = AkVerifier.verify(akPublic);
        } catch (EvidenceRejectedException e) {
            LOG.info(() -> "enrollment refused: " + e.getMessage());
            throw AttestationException.refused("enrollment_refused", e.getMessage());
        }
        String akName = HEX.formatHex(ak.name());
        Host host = repository.findHostByAkName(akName).orElse(null);
        if (host != null && host.getStatus() == HostStatus.ACTIVE) {
            throw new AttestationException(AttestationException.Kind.CONFLICT, "already_enrolled",
                "a host with this AK is already enrolled and activated");
        }
        if (host == null) {
            host = new Host();
            host.setId(UUID.randomUUID().toString());
            host.setAkName(akName);
            host.setCreatedAt(now());
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        MakeCredential.Result made;
        try {
            made = new MakeCredential(random).make(ek, ak.name(), secret);
        } catch (TpmFormatException e) {
            throw AttestationException.refused("enrollment_refused", e.getMessage());
        }
        host.setAkPublic(akPublic);
        host.setEkPublic(ekPublic);
        host.setEkCertificate(ekCertificate.clone());
        host.setHostname(hostname);
        host.setStatus(HostStatus.PENDING_ACTIVATION);
        host.setActivationSecret(secret);
        host.setActivationExpiresAt(now().plus(settings.activationLifetime()));
        host.setReasons(List.of("AK credential activation is pending"));
        repository.saveHost(host);
        LOG.info(() -> "host enrolled, awaiting activation: akName=" + akName);
        return new Enrollment(host.getId(), akName, made.credentialBlob(), made.encryptedSecret());
    }

    /** Trusts the AK when {@code secret} is what only the EK holder could recover; one attempt only. */
    public String activate(String hostId, byte[] secret) {
        Host host = repository.findHostById(hostId).orElseThrow(() -> AttestationException.notFound("no such enrollment"));
        if (host.getStatus() != HostStatus.PENDING_ACTIVATION || host.getActivationSecret() == null) {
            throw AttestationException.refused("activation_refused", "no credential activation is pending for this host");
        }
        byte[] expected = host.getActivationSecret();
        boolean expired = now().isAfter(host.getActivationExpiresAt());
        boolean matches = MessageDigest.isEqual(expected, secret);
        Arrays.fill(expected, (byte) 0);
        host.setActivationSecret(null);
        if (expired || !matches) {
            host.setStatus(HostStatus.REJECTED);
            host.setReasons(List.of("AK credential activation failed"));
            repository.saveHost(host);
            LOG.warning(() -> "credential activation failed: akName=" + host.getAkName() + (expired ? " (expired)" : ""));
            throw AttestationException.refused("activation_refused", expired
                ? "credential activation expired; enroll again" : "credential activation answer is wrong; enroll again");
        }
        host.setStatus(HostStatus.ACTIVE);
        host.setReasons(List.of("no quote verified yet"));
        repository.saveHost(host);
        LOG.info(() -> "AK activated: akName=" + host.getAkName());
        return host.getAkName();
    }

    /**
     * Registers the host's bind key from a TPM2_Certify by its activated AK whose qualifying data is a
     * nonce this service issued to the host and that is still unused: an old certification cannot be
     * replayed to roll the host back to an earlier bind key.
     */
    public String registerBindKey(String akName, byte[] nonce, byte[] bindPublicArea, byte[] certifyInfo,
                                  byte[] signature) {
        Host host = activeHost(akName);
        byte[] bindPublic = publicArea("bindPublic", bindPublicArea).encoded();
        TpmAttest certification = wellFormed("certifyInfo", () -> TpmAttest.parse(certifyInfo));
        wellFormed("signature", () -> TpmSignature.parse(signature));
        consumeNonce(host, nonce, "bind_key_refused");
        TpmPublic bind;
        try {
            bind = certificationVerifier.verify(TpmPublic.parse(host.getAkPublic()), bindPublic, certifyInfo, signature);
            if (!MessageDigest.isEqual(certification.extraData(), nonce)) {
                throw new CertificationRejectedException("bind key certification does not carry the issued nonce "
                    + "as its qualifying data");
            }
        } catch (CertificationRejectedException | TpmFormatException e) {
            LOG.info(() -> "bind key refused for akName=" + akName + ": " + e.getMessage());
            throw AttestationException.refused("bind_key_refused", e.getMessage());
        }
        host.setBindPublic(bind.encoded());
        host.setBindKeyName(HEX.formatHex(bind.name()));
        host.setBindCertifyInfo(certifyInfo.clone());
        host.setBindCertifySignature(signature.clone());
        repository.saveHost(host);
        LOG.info(() -> "bind key registered for akName=" + akName + ": " + host.getBindKeyName());
        return host.getBindKeyName();
    }

    /** Same as {@link #issueNonce(String, String)} for a caller that is not rate limited (in-process use). */
    public Nonce issueNonce(String akName) {
        return issueNonce(akName, null);
    }

    /**
     * A single-use nonce for the host's next quote or bind-key certification. Bounded because it needs no
     * credentials: at most {@code maxOutstandingNonces} unanswered per host, and
     * {@code noncesPerMinutePerSource} per client address (when {@code source} is given).
     */
    public Nonce issueNonce(String akName, String source) {
        Host host = activeHost(akName);
        if (source != null && !nonceLimiter.tryAcquire(source)) {
            throw new AttestationException(AttestationException.Kind.TOO_MANY, "too_many_challenges",
                "more than " + settings.noncesPerMinutePerSource() + " challenges per minute from this address");
        }
        repository.purgeChallengesExpiredBefore(now());
        if (repository.countChallenges(host.getId(), now()) >= settings.maxOutstandingNonces()) {
            throw new AttestationException(AttestationException.Kind.TOO_MANY, "too_many_challenges",
                "this host already holds " + settings.maxOutstandingNonces()
                    + " unanswered challenges; answer one or wait until they expire");
        }
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        OffsetDateTime expires = now().plus(settings.nonceLifetime());
        repository.saveChallenge(new Challenge(HEX.formatHex(nonce), host.getId(), expires));
        Set<Integer> pcrs = repository.referenceValues(host.getHostGroup()).keySet();
        return new Nonce(nonce, pcrs.isEmpty() ? settings.defaultPcrs() : List.copyOf(new TreeSet<>(pcrs)), expires);
    }

    /**
     * Verifies a quote answering a nonce issued to this host. Only a quote that verifies against the
     * host's AK changes the host: its PCR values become the evidence reports are judged from. Refused or
     * malformed evidence changes nothing, since anyone may submit it.
     */
    public SignedTrustReport submitQuote(String akName, byte[] nonce, byte[] attest, byte[] signature,
                                         Map<Integer, byte[]> pcrValues) {
        Host host = activeHost(akName);
        wellFormed("attest", () -> TpmAttest.parse(attest));
        wellFormed("signature", () -> TpmSignature.parse(signature));
        consumeNonce(host, nonce, "nonce_refused");
        QuoteVerifier.VerifiedQuote quote;
        try {
            quote = quoteVerifier.verify(TpmPublic.parse(host.getAkPublic()), nonce,
                new QuoteVerifier.Evidence(attest, signature, pcrValues));
        } catch (EvidenceRejectedException | TpmFormatException e) {
            LOG.warning(() -> "quote refused for akName=" + akName + " (host state unchanged): " + e.getMessage());
            throw AttestationException.refused("quote_refused", e.getMessage());
        }
        host.setVerifiedPcrs(quote.pcrValues());
        host.setReasons(List.of());
        host.setVerifiedAt(now());
        host.setTrustExpiresAt(now().plus(settings.trustLifetime()));
        repository.saveHost(host);
        SignedTrustReport report = report(host);
        LOG.info(() -> "quote verified for akName=" + akName + ": trusted=" + report.getReport().isTrusted() + " "
            + report.getReport().getReasons());
        return report;
    }

    public SignedTrustReport trustReport(String akName) {
        return report(repository.findHostByAkName(akName)
            .orElseThrow(() -> AttestationException.notFound("no host is enrolled with this AK")));
    }

    public void setReferenceValues(String hostGroup, Map<Integer, Set<String>> values) {
        repository.replaceReferenceValues(hostGroup, values);
    }

    public void setHostAttributes(String akName, String hostGroup, String location, String assetTag) {
        Host host = repository.findHostByAkName(akName)
            .orElseThrow(() -> AttestationException.notFound("no host is enrolled with this AK"));
        if (hostGroup != null) {
            host.setHostGroup(hostGroup);
        }
        host.setLocation(location);
        host.setAssetTag(assetTag);
        repository.saveHost(host);
    }

    public String verificationKeys() {
        return signer.publicJwkSet();
    }

    /** Judges the host now: its last verified PCR values against its group's current reference values. */
    private SignedTrustReport report(Host host) {
        TrustReport r = new TrustReport();
        r.setReportId(UUID.randomUUID().toString());
        r.setHostId(host.getId());
        r.setAkName(host.getAkName());
        r.setHostGroup(host.getHostGroup());
        r.setLocation(host.getLocation());
        r.setAssetTag(host.getAssetTag());
        r.setAkPublic(sized(host.getAkPublic()));
        r.setBindKeyName(host.getBindKeyName());
        if (host.getBindPublic() != null) {
            try {
                r.setBindPublicKey(Base64.getEncoder().encodeToString(
                    TpmPublic.parse(host.getBindPublic()).rsaPublicKey().getEncoded()));
            } catch (TpmFormatException e) {
                throw new IllegalStateException(e);
            }
            r.setBindPublic(sized(host.getBindPublic()));
            r.setBindCertifyInfo(base64(host.getBindCertifyInfo()));
            r.setBindCertifySignature(base64(host.getBindCertifySignature()));
        }
        r.setVerifiedAt(host.getVerifiedAt());
        r.setExpiresAt(host.getTrustExpiresAt());
        Map<Integer, Set<String>> policy = repository.referenceValues(host.getHostGroup());
        r.setPolicyVersion(policy.isEmpty() ? null : PcrPolicyEvaluator.version(policy));
        r.setReferencePcrs(policy.isEmpty() ? null : referencePcrs(policy, host.getVerifiedPcrs().orElse(null)));
        r.setReasons(reasons(host, policy));
        r.setTrusted(r.getReasons().isEmpty());
        SignedTrustReport signed = new SignedTrustReport();
        signed.setReport(r);
        signed.setJws(signer.sign(r));
        return signed;
    }

    /**
     * One expected value per PCR, as a TPM2_PolicyPCR needs. Where the group accepts several values for
     * a PCR, the one the host's last verified quote showed (if accepted) is what its key can be bound to;
     * otherwise the lowest, so the choice is stable.
     */
    private static ReferencePcrs referencePcrs(Map<Integer, Set<String>> policy, Map<Integer, byte[]> verified) {
        Map<String, String> values = new TreeMap<>();
        new TreeMap<>(policy).forEach((pcr, accepted) -> {
            String seen = verified == null || verified.get(pcr) == null ? null : HEX.formatHex(verified.get(pcr));
            values.put(Integer.toString(pcr), seen != null && accepted.contains(seen) ? seen : new TreeSet<>(accepted).first());
        });
        return new ReferencePcrs(ReferencePcrs.SHA256, values);
    }

    /** A stored TPMT_PUBLIC as the TPM2B_PUBLIC (16-bit size first) that tpm2-tools and reports use. */
    private static String sized(byte[] tpmtPublic) {
        if (tpmtPublic == null) {
            return null;
        }
        byte[] out = new byte[tpmtPublic.length + 2];
        out[0] = (byte) (tpmtPublic.length >>> 8);
        out[1] = (byte) tpmtPublic.length;
        System.arraycopy(tpmtPublic, 0, out, 2, tpmtPublic.length);
        return base64(out);
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    private List<String> reasons(Host host, Map<Integer, Set<String>> policy) {
        List<String> reasons = new ArrayList<>();
        if (host.getStatus() != HostStatus.ACTIVE) {
            reasons.addAll(host.getReasons());
            if (reasons.isEmpty()) {
                reasons.add("AK is not activated");
            }
            return reasons;
        }
        Map<Integer, byte[]> pcrs = host.getVerifiedPcrs().orElse(null);
        if (pcrs == null) {
            reasons.add("no quote verified yet");
            return reasons;
        }
        if (policy.isEmpty()) {
            reasons.add("host group '" + host.getHostGroup() + "' has no PCR reference values");
        } else {
            reasons.addAll(PcrPolicyEvaluator.evaluate(policy, pcrs));
        }
        if (host.getBindPublic() == null) {
            reasons.add("no certified bind key is registered");
        }
        if (host.getTrustExpiresAt() == null || now().isAfter(host.getTrustExpiresAt())) {
            reasons.add("trust expired at " + host.getTrustExpiresAt() + "; the host must attest again");
        }
        return reasons;
    }

    /** Removes the nonce so it is used once, whatever the outcome; refuses one not issued to this host or expired. */
    private void consumeNonce(Host host, byte[] nonce, String code) {
        Challenge challenge = repository.consumeChallenge(HEX.formatHex(nonce)).orElse(null);
        if (challenge == null || !challenge.getHostId().equals(host.getId())) {
            throw AttestationException.refused(code, "nonce is unknown, already used or issued to another host");
        }
        if (now().isAfter(challenge.getExpiresAt())) {
            throw AttestationException.refused(code, "nonce has expired");
        }
    }

    private static TpmPublic publicArea(String field, byte[] encoded) {
        return wellFormed(field, () -> {
            TpmPublic area = TpmPublic.parseAny(encoded);
            if (area.keyBits() < MIN_RSA_BITS || area.keyBits() > MAX_RSA_BITS) {
                throw new TpmFormatException(TpmFormatException.Problem.UNSUPPORTED, "RSA key of " + area.keyBits()
                    + " bits is not supported (" + MIN_RSA_BITS + ".." + MAX_RSA_BITS + " bits)");
            }
            return area;
        });
    }

    /** Parses a TPM structure from the request; a parse failure is the client's mistake (400), not a refusal. */
    private static <T> T wellFormed(String field, TpmParse<T> parse) {
        try {
            return parse.run();
        } catch (TpmFormatException e) {
            throw AttestationException.badRequest("bad_request", field + " is malformed: " + e.getMessage()
                + " (expected " + EXPECTED.get(field) + ")");
        }
    }

    private interface TpmParse<T> {
        T run() throws TpmFormatException;
    }

    private Host activeHost(String akName) {
        Host host = repository.findHostByAkName(akName)
            .orElseThrow(() -> AttestationException.notFound("no host is enrolled with this AK"));
        if (host.getStatus() != HostStatus.ACTIVE) {
            throw AttestationException.refused("ak_not_activated", "the host's AK has not been activated");
        }
        return host;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
