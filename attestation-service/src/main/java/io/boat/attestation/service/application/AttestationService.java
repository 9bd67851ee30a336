package io.boat.attestation.service.application;

import io.boat.attestation.client.SignedTrustReport;
import io.boat.attestation.client.TrustReport;
import io.boat.attestation.service.domain.AttestationRepository;
import io.boat.attestation.service.domain.Challenge;
import io.boat.attestation.service.domain.Host;
import io.boat.attestation.service.domain.HostStatus;
import io.boat.attestation.service.tpm.MakeCredential;
import io.boat.attestation.service.tpm.TpmFormatException;
import io.boat.attestation.service.tpm.TpmPublic;
import io.boat.attestation.service.verify.AkVerifier;
import io.boat.attestation.service.verify.EkCertificateValidator;
import io.boat.attestation.service.verify.EvidenceRejectedException;
import io.boat.attestation.service.verify.KeyCertificationVerifier;
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
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The attestation use cases. A host enrolls (EK certificate validated, AK bound to the EK by
 * MakeCredential), proves it holds both by activating the credential, registers a bind key certified
 * by the AK, and then answers single-use challenges with quotes. Each verified quote yields a trust
 * report: trusted only when the quote is authentic and fresh, its PCRs match the host group's
 * reference values, and a certified bind key is registered. Callers provide the transaction.
 */
public final class AttestationService {
    private static final Logger LOG = Logger.getLogger(AttestationService.class.getName());
    private static final HexFormat HEX = HexFormat.of();

    private final AttestationRepository repository;
    private final EkCertificateValidator ekValidator;
    private final TrustReportSigner signer;
    private final AttestationSettings settings;
    private final Clock clock;
    private final SecureRandom random;
    private final QuoteVerifier quoteVerifier = new QuoteVerifier();
    private final KeyCertificationVerifier certificationVerifier = new KeyCertificationVerifier();

    public AttestationService(AttestationRepository repository, EkCertificateValidator ekValidator,
                              TrustReportSigner signer, AttestationSettings settings, Clock clock, SecureRandom random) {
        this.repository = repository;
        this.ekValidator = ekValidator;
        this.signer = signer;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** Credential-activation challenge for a newly enrolled host. */
    public record Enrollment(String hostId, String akName, byte[] credentialBlob, byte[] encryptedSecret) {
    }

    /** A fresh nonce and the PCRs (SHA-256 bank) to quote. */
    public record Nonce(byte[] nonce, List<Integer> pcrs, OffsetDateTime expiresAt) {
    }

    public Enrollment enroll(byte[] ekPublic, byte[] ekCertificate, byte[] akPublic, String hostname) {
        TpmPublic ek;
        TpmPublic ak;
        try {
            if (ekCertificate == null || ekCertificate.length == 0) {
                throw new EvidenceRejectedException("an EK certificate is required");
            }
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
        host.setAkPublic(akPublic.clone());
        host.setEkPublic(ekPublic.clone());
        host.setEkCertificate(ekCertificate.clone());
        host.setHostname(hostname);
        host.setStatus(HostStatus.PENDING_ACTIVATION);
        host.setActivationSecret(secret);
        host.setActivationExpiresAt(now().plus(settings.activationLifetime()));
        host.setTrusted(false);
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

    public String registerBindKey(String akName, byte[] bindPublic, byte[] certifyInfo, byte[] signature) {
        Host host = activeHost(akName);
        TpmPublic bind;
        try {
            bind = certificationVerifier.verify(TpmPublic.parse(host.getAkPublic()), bindPublic, certifyInfo, signature);
        } catch (EvidenceRejectedException | TpmFormatException e) {
            LOG.info(() -> "bind key refused for akName=" + akName + ": " + e.getMessage());
            throw AttestationException.refused("bind_key_refused", e.getMessage());
        }
        host.setBindPublic(bind.encoded());
        host.setBindKeyName(HEX.formatHex(bind.name()));
        repository.saveHost(host);
        return host.getBindKeyName();
    }

    public Nonce issueNonce(String akName) {
        Host host = activeHost(akName);
        repository.purgeChallengesExpiredBefore(now());
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        OffsetDateTime expires = now().plus(settings.nonceLifetime());
        repository.saveChallenge(new Challenge(HEX.formatHex(nonce), host.getId(), expires));
        Set<Integer> pcrs = repository.referenceValues(host.getHostGroup()).keySet();
        return new Nonce(nonce, pcrs.isEmpty() ? settings.defaultPcrs() : List.copyOf(new TreeSet<>(pcrs)), expires);
    }

    /** Verifies a quote answering a nonce issued to this host; refused evidence also revokes trust. */
    public SignedTrustReport submitQuote(String akName, byte[] nonce, byte[] attest, byte[] signature,
                                         Map<Integer, byte[]> pcrValues) {
        Host host = activeHost(akName);
        Challenge challenge = repository.consumeChallenge(HEX.formatHex(nonce)).orElse(null);
        if (challenge == null || !challenge.getHostId().equals(host.getId())) {
            throw AttestationException.refused("nonce_refused", "nonce is unknown, already used or issued to another host");
        }
        if (now().isAfter(challenge.getExpiresAt())) {
            throw AttestationException.refused("nonce_refused", "nonce has expired");
        }
        QuoteVerifier.VerifiedQuote quote;
        try {
            quote = quoteVerifier.verify(TpmPublic.parse(host.getAkPublic()), nonce,
                new QuoteVerifier.Evidence(attest, signature, pcrValues));
        } catch (EvidenceRejectedException | TpmFormatException e) {
            host.setTrusted(false);
            host.setReasons(List.of("last quote was refused: " + e.getMessage()));
            host.setVerifiedAt(now());
            host.setTrustExpiresAt(now());
            repository.saveHost(host);
            LOG.warning(() -> "quote refused for akName=" + akName + ": " + e.getMessage());
            throw AttestationException.refused("quote_refused", e.getMessage());
        }
        List<String> reasons = new ArrayList<>();
        Map<Integer, Set<String>> policy = repository.referenceValues(host.getHostGroup());
        if (policy.isEmpty()) {
            reasons.add("host group '" + host.getHostGroup() + "' has no PCR reference values");
        } else {
            reasons.addAll(PcrPolicyEvaluator.evaluate(policy, quote.pcrValues()));
        }
        if (host.getBindPublic() == null) {
            reasons.add("no certified bind key is registered");
        }
        host.setTrusted(reasons.isEmpty());
        host.setReasons(reasons);
        host.setVerifiedAt(now());
        host.setTrustExpiresAt(now().plus(settings.trustLifetime()));
        repository.saveHost(host);
        LOG.info(() -> "quote verified for akName=" + akName + ": trusted=" + reasons.isEmpty() + " " + reasons);
        return report(host);
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

    private SignedTrustReport report(Host host) {
        TrustReport r = new TrustReport();
        r.setHostId(host.getId());
        r.setAkName(host.getAkName());
        r.setHostGroup(host.getHostGroup());
        r.setLocation(host.getLocation());
        r.setAssetTag(host.getAssetTag());
        r.setBindKeyName(host.getBindKeyName());
        if (host.getBindPublic() != null) {
            try {
                r.setBindPublicKey(Base64.getEncoder().encodeToString(
                    TpmPublic.parse(host.getBindPublic()).rsaPublicKey().getEncoded()));
            } catch (TpmFormatException e) {
                throw new IllegalStateException(e);
            }
        }
        r.setVerifiedAt(host.getVerifiedAt());
        r.setExpiresAt(host.getTrustExpiresAt());
        List<String> reasons = host.getReasons();
        boolean trusted = host.getStatus() == HostStatus.ACTIVE && host.isTrusted();
        if (host.getStatus() != HostStatus.ACTIVE && reasons.isEmpty()) {
            reasons.add("AK is not activated");
        }
        if (trusted && (host.getTrustExpiresAt() == null || now().isAfter(host.getTrustExpiresAt()))) {
            trusted = false;
            reasons.add("trust expired at " + host.getTrustExpiresAt() + "; the host must attest again");
        }
        r.setTrusted(trusted);
        r.setReasons(reasons);
        SignedTrustReport signed = new SignedTrustReport();
        signed.setReport(r);
        signed.setJws(signer.sign(r));
        return signed;
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
