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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
        clock = new MutableClock();
        return new AttestationService(new InMemoryAttestationRepository(), new EkCertificateValidator(cas),
            TrustReportSigner.ephemeral(), AttestationSettings.defaults(), clock, new SecureRandom());
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
    void submitQuote_tamperedQuote_isRefusedAndRevokesTrust() {
        Agent.EnrollResult e = enroll();
        policyFromCurrentPcrs();
        assertThat(attest().verdict().trusted()).isTrue();
        AttestationApi.Challenge c = api.challenge(e.akName());
        AgentTpm.Signed q = withTpm(t -> t.quote(state.key("ak").orElseThrow(), c.nonce(), c.pcrs()));
        byte[] attest = q.attest().clone();
        attest[attest.length - 3] ^= 0x40;

        assertThatThrownBy(() -> api.submitQuote(e.akName(), c.nonce(), attest, q.signature(), q.pcrValues()))
            .isInstanceOf(ServiceException.class).hasMessageContaining("signature does not verify");
        assertThat(service.trustReport(e.akName()).getReport().isTrusted()).isFalse();
        assertThat(service.trustReport(e.akName()).getReport().getReasons())
            .singleElement().asString().startsWith("last quote was refused");
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
        AgentTpm.Signed otherCert = withTpm(t -> t.certify(t.createBindKey(Templates.BIND_KEY_ATTRIBUTES), ak, new byte[0]));

        assertThatThrownBy(() -> api.registerBindKey(e.akName(), presented.publicArea(), otherCert.attest(),
            otherCert.signature())).isInstanceOf(ServiceException.class)
            .hasMessageContaining("certified name does not match");
    }

    @Test
    void registerBindKey_certifiedByAnotherAk_isRefused() {
        Agent.EnrollResult e = enroll();
        KeyBlob bind = state.key("bind").orElseThrow();
        AgentTpm.Signed cert = withTpm(t -> t.certify(bind, t.createAttestationKey(), new byte[0]));

        assertThatThrownBy(() -> api.registerBindKey(e.akName(), bind.publicArea(), cert.attest(), cert.signature()))
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
        AgentTpm.Signed cert = withTpm(t -> t.certify(bad, ak, new byte[0]));

        assertThatThrownBy(() -> api.registerBindKey(e.akName(), bad.publicArea(), cert.attest(), cert.signature()))
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
}
