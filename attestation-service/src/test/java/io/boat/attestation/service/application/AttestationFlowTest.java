package io.boat.attestation.service.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.boat.agent.Agent;
import io.boat.agent.StateDir;
import io.boat.agent.service.AttestationApi;
import io.boat.agent.service.ServiceException;
import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.KeyBlob;
import io.boat.agent.tpm.Templates;
import io.boat.agent.tpm.TpmAddress;
import io.boat.attestation.client.SignedTrustReport;
import io.boat.attestation.client.TrustReport;
import io.boat.attestation.client.TrustReportClaims;
import io.boat.attestation.client.tpm.KeyCertificationVerifier;
import io.boat.attestation.client.tpm.TpmPublic;
import io.boat.attestation.service.infrastructure.memory.InMemoryAttestationRepository;
import io.boat.attestation.service.testsupport.InProcessAttestationApi;
import io.boat.attestation.service.testsupport.MutableClock;
import io.boat.attestation.service.testsupport.OtherCa;
import io.boat.testing.Swtpm;
import io.boat.attestation.service.verify.EkCertificateValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attestation core called directly (no HTTP) by the real agent code on a real swtpm whose EK
 * certificate comes from a swtpm_localca. Each test enrolls its own host (fresh AK, fresh repository).
 */
class AttestationFlowTest {
    private static final List<Integer> POLICY_PCRS = List.of(0, 1, 2, 3, 4, 5, 6, 7, 16);
    private static Swtpm swtpm;
    private MutableClock clock;
    private AttestationService service;
    private AttestationApi api;
    private StateDir state;

    @BeforeAll
    static void startTpm() throws Exception {
        swtpm = Swtpm.start();
    }

    @AfterAll
    static void stopTpm() throws Exception {
        if (swtpm != null) {
            swtpm.close();
        }
    }

    @BeforeEach
    void newService() throws Exception {
        service = service(swtpm.caCertificates());
        api = new InProcessAttestationApi(service);
        state = new StateDir(Files.createTempDirectory(swtpm.dir(), "agent"));
    }

    private AttestationService service(List<X509Certificate> cas) {
        return service(cas, AttestationSettings.defaults());
    }

    private AttestationService service(List<X509Certificate> cas, AttestationSettings settings) {
        clock = new MutableClock();
        return new AttestationService(new InMemoryAttestationRepository(), new EkCertificateValidator(cas),
            TrustReportSigner.ephemeral(), settings, clock, new SecureRandom());
    }

    /** A TPM2_Certify of {@code key} by {@code ak} over a fresh service nonce, as the agent makes it. */
    private record FreshCertification(byte[] nonce, AgentTpm.Signed cert) {
    }

    private FreshCertification certifyFresh(String akName, KeyBlob key, KeyBlob ak) {
        byte[] nonce = api.challenge(akName).nonce();
        return new FreshCertification(nonce, withTpm(t -> t.certify(key, ak, nonce)));
    }

    private <T> T withTpm(Function<AgentTpm, T> fn) {
        try (AgentTpm t = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()))) {
            return fn.apply(t);
        }
    }

    private Agent.EnrollResult enroll() {
        return withTpm(t -> new Agent(t, api, state).enroll("host-under-test"));
    }

    private Agent.AttestResult attest() {
        return withTpm(t -> new Agent(t, api, state).attest(List.of()));
    }

    /** Reference values = the swtpm's current values of POLICY_PCRS, plus a second accepted value for PCR 0. */
    private void policyFromCurrentPcrs() {
        Map<Integer, byte[]> now = withTpm(t -> t.readPcrs(POLICY_PCRS.stream().mapToInt(i -> i).toArray()));
        Map<Integer, Set<String>> policy = new TreeMap<>();
        now.forEach((pcr, v) -> policy.put(pcr, Set.of(HexFormat.of().formatHex(v))));
        policy.put(0, Set.of(HexFormat.of().formatHex(now.get(0)), "ff".repeat(32)));
        service.setReferenceValues("default", policy);
    }

    @Test
    void attest_enrolledHostMatchingPolicy_isTrustedWithVerifiableSignedReport() throws Exception {
        Agent.EnrollResult e = enroll();
        service.setHostAttributes(e.akName(), "default", "eu-west/rack-12", "asset-0042");
        policyFromCurrentPcrs();

        Agent.AttestResult r = attest();

        assertThat(r.verdict().trusted()).as("reasons %s", r.verdict().reasons()).isTrue();
        assertThat(r.pcrs()).containsExactlyElementsOf(POLICY_PCRS);
        SignedTrustReport report = service.trustReport(e.akName());
        assertThat(report.getReport().isTrusted()).isTrue();
        assertThat(report.getReport().getLocation()).isEqualTo("eu-west/rack-12");
        assertThat(report.getReport().getBindKeyName()).isEqualTo(e.bindKeyName());
        assertThat(report.getReport().getBindPublicKey()).isNotBlank();
        assertThat(report.getReport().getExpiresAt()).isAfter(report.getReport().getVerifiedAt());
        SignedJWT jwt = SignedJWT.parse(report.getJws());
        RSAKey key = (RSAKey) JWKSet.parse(service.verificationKeys()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(e.akName());
        assertThat(jwt.getJWTClaimsSet().getBooleanClaim("trusted")).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringClaim("location")).isEqualTo("eu-west/rack-12");
    }

    @Test
    void trustReport_trustedHost_carriesBindKeyEvidenceAndReferencePcrsInTheJws() throws Exception {
        Agent.EnrollResult e = enroll();
        policyFromCurrentPcrs();
        attest();
        Map<Integer, byte[]> pcrs = withTpm(t -> t.readPcrs(POLICY_PCRS.stream().mapToInt(i -> i).toArray()));

        SignedTrustReport first = service.trustReport(e.akName());
        SignedTrustReport second = service.trustReport(e.akName());

        TrustReport r = first.getReport();
        assertThat(UUID.fromString(r.getReportId())).isNotNull();
        assertThat(second.getReport().getReportId()).isNotEqualTo(r.getReportId());
        TpmPublic ak = TpmPublic.parseSized(Base64.getDecoder().decode(r.getAkPublic()));
        assertThat(ak.nameHex()).isEqualTo(e.akName());
        TpmPublic bind = new KeyCertificationVerifier().verify(ak,
            TpmPublic.parseSized(Base64.getDecoder().decode(r.getBindPublic())).encoded(),
            Base64.getDecoder().decode(r.getBindCertifyInfo()), Base64.getDecoder().decode(r.getBindCertifySignature()));
        assertThat(bind.nameHex()).isEqualTo(e.bindKeyName());
        // PCR 0 accepts two values: the report names the one this host's quote showed.
        Map<String, String> expected = new TreeMap<>();
        pcrs.forEach((pcr, v) -> expected.put(Integer.toString(pcr), HexFormat.of().formatHex(v)));
        assertThat(r.getReferencePcrs().getBank()).isEqualTo("sha256");
        assertThat(r.getReferencePcrs().getValues()).isEqualTo(expected);

        SignedJWT jwt = SignedJWT.parse(first.getJws());
        assertThat(jwt.getJWTClaimsSet().getJWTID()).isEqualTo(r.getReportId());
        TrustReport signed = TrustReportClaims.fromClaims(jwt.getJWTClaimsSet());
        assertThat(signed).usingRecursiveComparison().ignoringFields("verifiedAt", "expiresAt").isEqualTo(r);
        // JWT times are whole seconds.
        assertThat(signed.getExpiresAt().toEpochSecond()).isEqualTo(r.getExpiresAt().toEpochSecond());
    }

    @Test
    void trustReport_groupWithoutReferenceValues_hasNoReferencePcrs() {
        Agent.EnrollResult e = enroll();

        TrustReport r = service.trustReport(e.akName()).getReport();

        assertThat(r.getReferencePcrs()).isNull();
        assertThat(r.getBindPublic()).isNotNull();
    }

    @Test
    void attest_pcrExtendedAfterEnrollment_isUntrustedNamingThePcr() throws Exception {
        enroll();
        policyFromCurrentPcrs();
        assertThat(attest().verdict().trusted()).isTrue();

        swtpm.tpm2("tpm2_pcrextend", "16:sha256=" + "01".repeat(32));
        Agent.AttestResult r = attest();

        assertThat(r.verdict().trusted()).isFalse();
        assertThat(r.verdict().reasons()).singleElement().asString().startsWith("PCR 16 value ");
    }

    @Test
    void trustReport_afterTrustLifetime_isUntrustedAsExpired() {
        Agent.EnrollResult e = enroll();
        policyFromCurrentPcrs();
        assertThat(attest().verdict().trusted()).isTrue();

        clock.advance(AttestationSettings.defaults().trustLifetime().plusSeconds(1));

        assertThat(service.trustReport(e.akName()).getReport().isTrusted()).isFalse();
        assertThat(service.trustReport(e.akName()).getReport().getReasons()).anyMatch(s -> s.startsWith("trust expired"));
    }

    @Test
    void submitQuote_replayedNonce_isRefused() {
        Agent.EnrollResult e = enroll();
        policyFromCurrentPcrs();
        AttestationApi.Challenge c = api.challenge(e.akName());
        AgentTpm.Signed q = withTpm(t -> t.quote(state.key("ak").orElseThrow(), c.nonce(), c.pcrs()));
        assertThat(api.submitQuote(e.akName(), c.nonce(), q.attest(), q.signature(), q.pcrValues()).trusted()).isTrue();

        assertThatThrownBy(() -> api.submitQuote(e.akName(), c.nonce(), q.attest(), q.signature(), q.pcrValues()))
            .isInstanceOf(ServiceException.class).hasMessageContaining("already used");
    }

    @Test
    void submitQuote_expiredNonce_isRefused() {
        Agent.EnrollResult e = enroll();
        AttestationApi.Challenge c = api.challenge(e.akName());
        AgentTpm.Signed q = withTpm(t -> t.quote(state.key("ak").orElseThrow(), c.nonce(), c.pcrs()));
        clock.advance(Duration.ofMinutes(2));

        assertThatThrownBy(() -> api.submitQuote(e.akName(), c.nonce(), q.attest(), q.signature(), q.pcrValues()))
            .isInstanceOf(ServiceException.class).hasMessageContaining("expired");
    }

    @Test
    void submitQuote_expiredNonceAfterLaterChallenge_isRefusedAsUnknown() {
        Agent.EnrollResult e = enroll();
        AttestationApi.Challenge old = api.challenge(e.akName());
        AgentTpm.Signed q = withTpm(t -> t.quote(state.key("ak").orElseThrow(), old.nonce(), old.pcrs()));
        clock.advance(Duration.ofMinutes(2));
        api.challenge(e.akName());

        assertThatThrownBy(() -> api.submitQuote(e.akName(), old.nonce(), q.attest(), q.signature(), q.pcrValues()))
            .isInstanceOf(ServiceException.class).hasMessageContaining("unknown, already used");
    }

    @Test
    void submitQuote_tamperedQuote_isRefusedAndHostStaysTrusted() {
        Agent.EnrollResult e = enroll();
        policyFromCurrentPcrs();
        assertThat(attest().verdict().trusted()).isTrue();
        AttestationApi.Challenge c = api.challenge(e.akName());
        AgentTpm.Signed q = withTpm(t -> t.quote(state.key("ak").orElseThrow(), c.nonce(), c.pcrs()));
        byte[] attest = q.attest().clone();
        attest[attest.length - 3] ^= 0x40;

        assertThatThrownBy(() -> api.submitQuote(e.akName(), c.nonce(), attest, q.signature(), q.pcrValues()))
            .isInstanceOf(ServiceException.class).hasMessageContaining("signature does not verify");
        assertThat(service.trustReport(e.akName()).getReport().isTrusted()).isTrue();
        assertThat(service.trustReport(e.akName()).getReport().getReasons()).isEmpty();
    }

    @Test
    void submitQuote_quoteSignedByAnotherAk_isRefused() {
        Agent.EnrollResult e = enroll();
        AttestationApi.Challenge c = api.challenge(e.akName());
        AgentTpm.Signed q = withTpm(t -> t.quote(t.createAttestationKey(), c.nonce(), c.pcrs()));

        assertThatThrownBy(() -> api.submitQuote(e.akName(), c.nonce(), q.attest(), q.signature(), q.pcrValues()))
            .isInstanceOf(ServiceException.class).hasMessageContaining("signature does not verify with the host's AK");
    }

    @Test
    void enroll_ekCertificateFromUnknownCa_isRefused() throws Exception {
        service = service(List.of(OtherCa.create(swtpm.dir())));
        api = new InProcessAttestationApi(service);

        assertThatThrownBy(this::enroll).isInstanceOf(ServiceException.class)
            .hasMessageContaining("EK certificate is not issued by a trusted TPM CA")
            .extracting(ex -> ((ServiceException) ex).code()).isEqualTo("enrollment_refused");
    }

    @Test
    void activate_wrongAnswer_isRefusedAndAkNeverTrusted() {
        KeyBlob ak = withTpm(AgentTpm::createAttestationKey);
        AttestationApi.EnrollChallenge c = withTpm(t -> api.enroll(t.endorsementKey(), t.ekCertificate(),
            ak.publicArea(), "h"));
        byte[] wrong = withTpm(t -> t.activateCredential(ak, c.credentialBlob(), c.encryptedSecret()));
        wrong[0] ^= 1;

        assertThatThrownBy(() -> api.activate(c.hostId(), wrong)).isInstanceOf(ServiceException.class)
            .hasMessageContaining("answer is wrong");
        assertThatThrownBy(() -> api.activate(c.hostId(), wrong)).isInstanceOf(ServiceException.class)
            .hasMessageContaining("no credential activation is pending");
        assertThatThrownBy(() -> api.challenge(c.akName())).isInstanceOf(ServiceException.class)
            .extracting(ex -> ((ServiceException) ex).code()).isEqualTo("ak_not_activated");
        assertThat(service.trustReport(c.akName()).getReport().isTrusted()).isFalse();
    }

    @Test
    void registerBindKey_certificationOfAnotherKey_isRefused() {
        Agent.EnrollResult e = enroll();
        KeyBlob ak = state.key("ak").orElseThrow();
        KeyBlob presented = withTpm(t -> t.createBindKey(Templates.BIND_KEY_ATTRIBUTES));
        FreshCertification other = certifyFresh(e.akName(), withTpm(t -> t.createBindKey(Templates.BIND_KEY_ATTRIBUTES)), ak);

        assertThatThrownBy(() -> api.registerBindKey(e.akName(), other.nonce(), presented.publicArea(),
            other.cert().attest(), other.cert().signature())).isInstanceOf(ServiceException.class)
            .hasMessageContaining("certified name does not match");
    }

    @Test
    void registerBindKey_certifiedByAnotherAk_isRefused() {
        Agent.EnrollResult e = enroll();
        KeyBlob bind = state.key("bind").orElseThrow();
        FreshCertification c = certifyFresh(e.akName(), bind, withTpm(AgentTpm::createAttestationKey));

        assertThatThrownBy(() -> api.registerBindKey(e.akName(), c.nonce(), bind.publicArea(), c.cert().attest(),
            c.cert().signature()))
            .isInstanceOf(ServiceException.class).hasMessageContaining("not signed by the host's AK");
    }

    @Test
    void registerBindKey_migratableKey_isRefused() {
        assertBindKeyRefused(0x00020060, "fixedTPM is not set, fixedParent is not set");
    }

    @Test
    void registerBindKey_keyThatCanSign_isRefused() {
        assertBindKeyRefused(Templates.BIND_KEY_ATTRIBUTES | (1 << 18), "sign is set");
    }

    private void assertBindKeyRefused(int attributes, String reason) {
        Agent.EnrollResult e = enroll();
        KeyBlob ak = state.key("ak").orElseThrow();
        KeyBlob bad = withTpm(t -> t.createBindKey(attributes));
        FreshCertification c = certifyFresh(e.akName(), bad, ak);

        assertThatThrownBy(() -> api.registerBindKey(e.akName(), c.nonce(), bad.publicArea(), c.cert().attest(),
            c.cert().signature()))
            .isInstanceOf(ServiceException.class).hasMessageContaining(reason)
            .extracting(ex -> ((ServiceException) ex).code()).isEqualTo("bind_key_refused");
    }

    @Test
    void enroll_secondRun_reusesKeysAndSkipsEnrollment() {
        Agent.EnrollResult first = enroll();
        Agent.EnrollResult second = enroll();

        assertThat(second.alreadyEnrolled()).isTrue();
        assertThat(second.akName()).isEqualTo(first.akName());
        assertThat(second.bindKeyName()).isEqualTo(first.bindKeyName());
    }

    @Test
    void trustReport_unknownAk_isNotFound() {
        assertThatThrownBy(() -> service.trustReport("000b" + "00".repeat(32)))
            .isInstanceOf(AttestationException.class)
            .extracting(ex -> ((AttestationException) ex).kind()).isEqualTo(AttestationException.Kind.NOT_FOUND);
    }

    @Test
    void attest_noReferenceValues_isUntrustedSayingSo() {
        enroll();
        Agent.AttestResult r = attest();
        assertThat(r.verdict().trusted()).isFalse();
        assertThat(r.verdict().reasons()).containsExactly("host group 'default' has no PCR reference values");
        assertThat(Path.of(state.path().toString(), "ak.priv")).exists();
    }

    // Defect 1: evidence that does not verify says nothing about the host.

    @Test
    void submitQuote_garbageEvidenceFromStranger_isBadRequestAndHostStaysTrusted() {
        Agent.EnrollResult e = enroll();
        policyFromCurrentPcrs();
        assertThat(attest().verdict().trusted()).isTrue();
        AttestationApi.Challenge c = api.challenge(e.akName());

        assertThatThrownBy(() -> api.submitQuote(e.akName(), c.nonce(), new byte[] {0, 0, 0}, new byte[] {0, 0, 0},
            new TreeMap<>(Map.of(0, new byte[32])))).isInstanceOf(ServiceException.class)
            .hasMessageContaining("attest is malformed").hasMessageContaining("expected the TPMS_ATTEST")
            .extracting(ex -> ((ServiceException) ex).status()).isEqualTo(400);
        assertThat(service.trustReport(e.akName()).getReport().isTrusted()).isTrue();
    }

    @Test
    void issueNonce_beyondOutstandingLimit_isTooManyUntilOneIsAnswered() {
        Agent.EnrollResult e = enroll();
        int limit = AttestationSettings.defaults().maxOutstandingNonces();
        // enrollment used one nonce for the bind key and answered it, so the host holds none now
        for (int i = 0; i < limit; i++) {
            api.challenge(e.akName());
        }

        assertThatThrownBy(() -> api.challenge(e.akName())).isInstanceOf(ServiceException.class)
            .extracting(ex -> ((ServiceException) ex).code()).isEqualTo("too_many_challenges");
        clock.advance(AttestationSettings.defaults().nonceLifetime().plusSeconds(1));
        assertThat(api.challenge(e.akName()).nonce()).hasSize(32);
    }

    @Test
    void issueNonce_beyondRatePerSource_isTooManyForThatSourceOnly() {
        AttestationSettings d = AttestationSettings.defaults();
        service = service(swtpm.caCertificates(), new AttestationSettings(d.nonceLifetime(), d.activationLifetime(),
            d.trustLifetime(), d.defaultPcrs(), 100, 3));
        api = new InProcessAttestationApi(service);
        Agent.EnrollResult e = enroll();
        for (int i = 0; i < 3; i++) {
            service.issueNonce(e.akName(), "192.0.2.1");
        }

        assertThatThrownBy(() -> service.issueNonce(e.akName(), "192.0.2.1")).isInstanceOf(AttestationException.class)
            .extracting(ex -> ((AttestationException) ex).kind()).isEqualTo(AttestationException.Kind.TOO_MANY);
        assertThat(service.issueNonce(e.akName(), "192.0.2.2").nonce()).hasSize(32);
    }

    // Defect 2: reports are judged against the current policy.

    @Test
    void trustReport_referenceValuesReplacedAfterQuote_isUntrustedAtOnceWithNewPolicyVersion() {
        Agent.EnrollResult e = enroll();
        policyFromCurrentPcrs();
        assertThat(attest().verdict().trusted()).isTrue();
        String before = service.trustReport(e.akName()).getReport().getPolicyVersion();

        service.setReferenceValues("default", Map.of(16, Set.of("ee".repeat(32))));

        SignedTrustReport after = service.trustReport(e.akName());
        assertThat(after.getReport().isTrusted()).isFalse();
        assertThat(after.getReport().getReasons()).singleElement().asString().startsWith("PCR 16 value ");
        assertThat(after.getReport().getPolicyVersion()).startsWith("sha256:").isNotEqualTo(before);
        assertThat(before).startsWith("sha256:");
    }

    @Test
    void trustReport_hostMovedToGroupWithoutPolicy_isUntrustedAtOnce() throws Exception {
        Agent.EnrollResult e = enroll();
        policyFromCurrentPcrs();
        assertThat(attest().verdict().trusted()).isTrue();

        service.setHostAttributes(e.akName(), "no-policy-yet", null, null);

        SignedTrustReport r = service.trustReport(e.akName());
        assertThat(r.getReport().isTrusted()).isFalse();
        assertThat(r.getReport().getReasons()).containsExactly("host group 'no-policy-yet' has no PCR reference values");
        assertThat(r.getReport().getPolicyVersion()).isNull();
        assertThat(SignedJWT.parse(r.getJws()).getJWTClaimsSet().getBooleanClaim("trusted")).isFalse();
    }

    @Test
    void trustReport_samePolicyInAnotherOrder_hasSameVersion() {
        Agent.EnrollResult e = enroll();
        service.setReferenceValues("default", Map.of(0, Set.of("aa".repeat(32), "bb".repeat(32)), 7, Set.of("cc".repeat(32))));
        String first = service.trustReport(e.akName()).getReport().getPolicyVersion();
        service.setReferenceValues("default", new TreeMap<>(Map.of(7, Set.of("cc".repeat(32)),
            0, Set.of("bb".repeat(32), "aa".repeat(32)))));

        assertThat(service.trustReport(e.akName()).getReport().getPolicyVersion()).isEqualTo(first);
    }

    // Defect 3: bind-key registration is fresh.

    @Test
    void registerBindKey_replayedCertification_isRefusedAndBindKeyUnchanged() {
        Agent.EnrollResult e = enroll();
        KeyBlob ak = state.key("ak").orElseThrow();
        KeyBlob oldKey = withTpm(t -> t.createBindKey(Templates.BIND_KEY_ATTRIBUTES));
        FreshCertification old = certifyFresh(e.akName(), oldKey, ak);
        String oldName = api.registerBindKey(e.akName(), old.nonce(), oldKey.publicArea(), old.cert().attest(),
            old.cert().signature());
        FreshCertification current = certifyFresh(e.akName(), state.key("bind").orElseThrow(), ak);
        String currentName = api.registerBindKey(e.akName(), current.nonce(), state.key("bind").orElseThrow().publicArea(),
            current.cert().attest(), current.cert().signature());

        assertThatThrownBy(() -> api.registerBindKey(e.akName(), old.nonce(), oldKey.publicArea(), old.cert().attest(),
            old.cert().signature())).isInstanceOf(ServiceException.class).hasMessageContaining("already used")
            .extracting(ex -> ((ServiceException) ex).code()).isEqualTo("bind_key_refused");
        assertThat(currentName).isNotEqualTo(oldName);
        assertThat(service.trustReport(e.akName()).getReport().getBindKeyName()).isEqualTo(currentName);
    }

    @Test
    void registerBindKey_certificationWithoutNonceUnderFreshNonce_isRefused() {
        Agent.EnrollResult e = enroll();
        KeyBlob ak = state.key("ak").orElseThrow();
        KeyBlob key = withTpm(t -> t.createBindKey(Templates.BIND_KEY_ATTRIBUTES));
        AgentTpm.Signed stale = withTpm(t -> t.certify(key, ak, new byte[0]));
        byte[] nonce = api.challenge(e.akName()).nonce();

        assertThatThrownBy(() -> api.registerBindKey(e.akName(), nonce, key.publicArea(), stale.attest(),
            stale.signature())).isInstanceOf(ServiceException.class)
            .hasMessageContaining("does not carry the issued nonce");
        assertThat(service.trustReport(e.akName()).getReport().getBindKeyName()).isEqualTo(e.bindKeyName());
    }

    // Defect 5: tpm2-tools' TPM2B_PUBLIC is accepted; malformed public areas are 400s.

    @Test
    void enroll_ekPublicAsTpm2bFromTpm2Tools_isAccepted() throws Exception {
        swtpm.tpm2("tpm2_createek", "-c", "ek-i8.ctx", "-G", "rsa", "-u", "ek-i8.pub");
        swtpm.tpm2("tpm2_flushcontext", "-t");
        byte[] tpm2bEk = Files.readAllBytes(swtpm.dir().resolve("ek-i8.pub"));
        KeyBlob ak = withTpm(AgentTpm::createAttestationKey);

        AttestationApi.EnrollChallenge c = withTpm(t -> api.enroll(tpm2bEk, t.ekCertificate(), ak.publicArea(), "h"));

        byte[] secret = withTpm(t -> t.activateCredential(ak, c.credentialBlob(), c.encryptedSecret()));
        api.activate(c.hostId(), secret);
        assertThat(service.trustReport(c.akName()).getReport().getReasons()).containsExactly("no quote verified yet");
    }

    @Test
    void enroll_ekPublicOfWrongType_isBadRequestSayingWhatIsExpected() {
        byte[] ecc = HexFormat.of().parseHex("0023000b00030072000000060080004300100003001000200000000000");

        assertThatThrownBy(() -> withTpm(t -> api.enroll(ecc, t.ekCertificate(), t.endorsementKey(), "h")))
            .isInstanceOf(ServiceException.class)
            .hasMessageContaining("ekPublic is malformed: key type 0x0023 is not RSA")
            .hasMessageContaining("expected an RSA TPMT_PUBLIC or TPM2B_PUBLIC")
            .extracting(ex -> ((ServiceException) ex).status()).isEqualTo(400);
    }
}
