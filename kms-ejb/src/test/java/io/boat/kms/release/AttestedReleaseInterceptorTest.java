package io.boat.kms.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.RSADecrypter;
import io.boat.kms.NotPermittedException;
import io.boat.kms.crypto.SecretBytes;
import io.boat.kms.policy.Caller;
import io.boat.kms.project.ProjectId;
import io.boat.kms.release.ReleaseEvent.Decision;
import io.boat.kms.secret.AcceptedTypes;
import io.boat.kms.secret.Payload;
import io.boat.kms.secret.SecretEntity;
import io.boat.kms.secret.SecretEntityAccess;
import io.boat.kms.secret.SecretId;
import io.boat.kms.secret.SecretLookup;
import io.boat.kms.secret.UnknownSecretException;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.spec.MGF1ParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The release path's decisions, one class under test: reports, policies, audit and the payload method are fakes. */
class AttestedReleaseInterceptorTest {

    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    private static final String PROJECT = "p1";
    private static final Caller OWNER = new Caller("u1", "alice", new ProjectId(PROJECT), Set.of("creator"));
    private static final Caller STRANGER = new Caller("u2", "bob", new ProjectId("p2"), Set.of("admin"));
    private static final SecretId ID = SecretId.random();
    private static final AkName AK = AkName.parse("000b" + "ab".repeat(32));
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final AttestedReleaseInterceptor interceptor = new AttestedReleaseInterceptor();
    private final List<ReleaseAudit.Occurrence> audited = new ArrayList<>();
    private RuntimeException auditFailure;
    private final List<AkName> asked = new ArrayList<>();
    private SecretEntity row;
    private ReleasePolicy policy;
    private AttestedHost host;
    private RuntimeException reportFailure;
    private boolean storeRead;
    private SecretBytes served;

    @BeforeEach
    void wire() {
        row = SecretEntityAccess.secret(ID.value(), PROJECT, "u1", false);
        policy = ReleasePolicy.defaults(300);
        host = host(true, List.of(), "edge", NOW.minusSeconds(10), NOW.plusSeconds(600), evidence(true));
        interceptor.secrets = new SecretLookup() {
            @Override
            public SecretEntity find(SecretId id, String notFound) {
                if (!id.equals(ID)) {
                    throw new UnknownSecretException(notFound);
                }
                return row;
            }
        };
        interceptor.policies = new ReleasePolicies() {
            @Override
            public ReleasePolicy forSecret(String secretId) {
                return policy;
            }
        };
        // No time to live: every release asks ReleasePolicies, so each test's policy applies at once.
        interceptor.policyCache = new ReleasePolicyCache(16, Duration.ZERO, () -> NOW);
        interceptor.reports = (ak, maxAge) -> {
            asked.add(ak);
            if (reportFailure != null) {
                throw reportFailure;
            }
            return host;
        };
        interceptor.audit = new ReleaseAudit() {
            @Override
            public void recordDecision(Occurrence o) {
                if (auditFailure != null) {
                    throw auditFailure;
                }
                audited.add(o);
            }
        };
        interceptor.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void release_noHeaderAndNoPolicy_ordinaryReadUnchanged() throws Exception {
        try (Payload p = (Payload) interceptor.release(call(OWNER, ReleaseRequest.PLAIN))) {
            assertThat(p.contentType()).isEqualTo("application/octet-stream");
            assertThat(p.bytes().bytes()).isEqualTo(KEY);
        }
        assertThat(asked).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void release_noHeaderOnAttestationRequiredSecret_403BeforeTheStoreIsRead() {
        row = SecretEntityAccess.secret(ID.value(), PROJECT, "u1", true);

        assertThatThrownBy(() -> interceptor.release(call(OWNER, ReleaseRequest.PLAIN)))
            .isInstanceOf(AttestationRequiredException.class);

        assertThat(storeRead).isFalse();
        assertThat(audited).singleElement().satisfies(o -> {
            assertThat(o.decision()).isEqualTo(Decision.REFUSED);
            assertThat(o.reason()).isEqualTo("attestation_required");
            assertThat(o.secretId()).isEqualTo(ID.value());
        });
    }

    @Test
    void release_callerOfAnotherProject_refusedBeforeAnyHostIsChecked() {
        assertThatThrownBy(() -> interceptor.release(call(STRANGER, ReleaseRequest.toHost(AK, WrapFormat.JWE))))
            .isInstanceOf(NotPermittedException.class).isNotInstanceOf(AttestationRequiredException.class);

        assertThat(asked).isEmpty();
        assertThat(storeRead).isFalse();
        assertThat(audited).isEmpty();
    }

    @Test
    void release_trustedFreshHostJwe_unwrapsToTheSecretAndPlaintextIsWiped() throws Exception {
        Payload p = (Payload) interceptor.release(call(OWNER, ReleaseRequest.toHost(AK, WrapFormat.JWE)));

        assertThat(p.contentType()).isEqualTo("application/jose");
        JWEObject jwe = JWEObject.parse(new String(p.bytes().bytes(), StandardCharsets.US_ASCII));
        jwe.decrypt(new RSADecrypter(ReleaseKeys.PAIR.getPrivate()));
        assertThat(jwe.getPayload().toBytes()).isEqualTo(KEY);
        assertThat(jwe.getHeader().getCustomParam(JweWrap.REPORT_ID_HEADER)).isEqualTo("report-7");
        assertThatThrownBy(served::bytes).isInstanceOf(IllegalStateException.class).hasMessageContaining("wiped");
        assertThat(asked).containsExactly(AK);
        assertThat(audited).singleElement().satisfies(o -> {
            assertThat(o.decision()).isEqualTo(Decision.RELEASED);
            assertThat(o.akName()).isEqualTo(AK.hex());
            assertThat(o.hostGroup()).isEqualTo("edge");
            assertThat(o.reportId()).isEqualTo("report-7");
            assertThat(o.actorId()).isEqualTo("u1");
        });
    }

    @Test
    void release_rawFormat_oneOaepBlockWithTheTpm2Label() throws Exception {
        Payload p = (Payload) interceptor.release(call(OWNER, ReleaseRequest.toHost(AK, WrapFormat.RAW)));

        assertThat(p.contentType()).isEqualTo("application/octet-stream");
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
        c.init(Cipher.DECRYPT_MODE, ReleaseKeys.PAIR.getPrivate(), new OAEPParameterSpec("SHA-256", "MGF1",
            MGF1ParameterSpec.SHA256, new PSource.PSpecified(new byte[] {'T', 'P', 'M', '2', 0})));
        assertThat(c.doFinal(p.bytes().bytes())).isEqualTo(KEY);
    }

    @Test
    void release_attestedRead_storedContentTypeDoesNotConstrainTheWrap() throws Exception {
        Payload p = (Payload) interceptor.release(callAccepting(OWNER, ReleaseRequest.toHost(AK, WrapFormat.JWE),
            stored -> Optional.empty()));

        assertThat(p.contentType()).isEqualTo("application/jose");
    }

    @Test
    void release_untrustedHost_401NamingThePcrAndNothingRead() {
        host = host(false, List.of("PCR 7 differs from the reference value"), "edge", NOW.minusSeconds(5),
            NOW.plusSeconds(600), evidence(true));

        assertRefused(Decision.REFUSED, ReleaseRefusedException.Reason.HOST_UNTRUSTED, "PCR 7");
    }

    @Test
    void release_reportOlderThanPolicyMaxAge_401Stale() {
        policy = new ReleasePolicy(false, List.of(), List.of(), List.of(), 60, false);
        host = host(true, List.of(), "edge", NOW.minusSeconds(61), NOW.plusSeconds(600), evidence(true));

        assertRefused(Decision.REFUSED, ReleaseRefusedException.Reason.REPORT_STALE, "60 seconds");
    }

    @Test
    void release_reportExactlyMaxAgeOld_released() throws Exception {
        policy = new ReleasePolicy(false, List.of(), List.of(), List.of(), 60, false);
        host = host(true, List.of(), "edge", NOW.minusSeconds(60), NOW.plusSeconds(600), evidence(true));

        assertThat(((Payload) interceptor.release(call(OWNER, ReleaseRequest.toHost(AK, WrapFormat.JWE))))
            .contentType()).isEqualTo("application/jose");
    }

    @Test
    void release_reportPastItsExpiry_401Stale() {
        host = host(true, List.of(), "edge", NOW.minusSeconds(5), NOW, evidence(true));

        assertRefused(Decision.REFUSED, ReleaseRefusedException.Reason.REPORT_STALE, "expired");
    }

    @Test
    void release_hostGroupOutsidePolicy_401() {
        policy = new ReleasePolicy(false, List.of("core"), List.of(), List.of(), 300, false);

        assertRefused(Decision.REFUSED, ReleaseRefusedException.Reason.HOST_GROUP_NOT_ALLOWED, "'edge'");
    }

    @Test
    void release_locationOutsidePolicy_401() {
        policy = new ReleasePolicy(false, List.of("edge"), List.of("eu-west"), List.of(), 300, false);

        assertRefused(Decision.REFUSED, ReleaseRefusedException.Reason.LOCATION_NOT_ALLOWED, "'us-east'");
    }

    @Test
    void release_assetTagOutsidePolicy_401() {
        policy = new ReleasePolicy(false, List.of(), List.of("us-east"), List.of("gold"), 300, false);

        assertRefused(Decision.REFUSED, ReleaseRefusedException.Reason.ASSET_TAG_NOT_ALLOWED, "'tag-1'");
    }

    @Test
    void release_policyWantsPcrBoundKeyButKeyIsNot_401() {
        policy = new ReleasePolicy(true, List.of(), List.of(), List.of(), 300, true);
        host = host(true, List.of(), "edge", NOW.minusSeconds(5), NOW.plusSeconds(600), evidence(false));

        assertRefused(Decision.REFUSED, ReleaseRefusedException.Reason.BIND_KEY_NOT_PCR_BOUND, "PCR");
    }

    @Test
    void release_hostWithoutBindKey_unusableBindKeyAndNothingRead() {
        host = host(true, List.of(), "edge", NOW.minusSeconds(5), NOW.plusSeconds(600), null);

        assertThatThrownBy(() -> interceptor.release(call(OWNER, ReleaseRequest.toHost(AK, WrapFormat.JWE))))
            .isInstanceOfSatisfying(ReleaseException.class,
                e -> assertThat(e.reason()).isEqualTo(ReleaseException.Reason.UNUSABLE_BIND_KEY));
        assertThat(storeRead).isFalse();
        assertThat(audited).singleElement().satisfies(o -> assertThat(o.reason()).isEqualTo("unusable_bind_key"));
    }

    @Test
    void release_bindKeyFailsVerification_unusableBindKey() {
        BindKeyEvidence bad = new BindKeyEvidence() {
            @Override
            public BindKeyTarget verifiedTarget(String reportId) {
                throw new ReleaseException(ReleaseException.Reason.UNUSABLE_BIND_KEY, "bind key is not fixedTPM");
            }

            @Override
            public boolean pcrBound() {
                return true;
            }
        };
        host = host(true, List.of(), "edge", NOW.minusSeconds(5), NOW.plusSeconds(600), bad);

        assertThatThrownBy(() -> interceptor.release(call(OWNER, ReleaseRequest.toHost(AK, WrapFormat.JWE))))
            .isInstanceOf(ReleaseException.class).hasMessageContaining("fixedTPM");
        assertThat(storeRead).isFalse();
    }

    @Test
    void release_attestationServiceUnavailable_propagatesAndIsAudited() {
        reportFailure = new AttestationUnavailableException("connect timed out to 127.0.0.1:1",
            "The attestation service is unavailable.", null);

        assertThatThrownBy(() -> interceptor.release(call(OWNER, ReleaseRequest.toHost(AK, WrapFormat.JWE))))
            .isSameAs(reportFailure);
        assertThat(storeRead).isFalse();
        assertThat(audited).singleElement().satisfies(o -> {
            assertThat(o.reason()).isEqualTo("attestation_unavailable");
            assertThat(o.akName()).isEqualTo(AK.hex());
            assertThat(o.detail()).isEqualTo("The attestation service is unavailable.").doesNotContain("127.0.0.1");
        });
    }

    @Test
    void release_unknownHost_401Audited() {
        reportFailure = new ReleaseRefusedException(ReleaseRefusedException.Reason.HOST_UNKNOWN, "Unknown host.");

        assertThatThrownBy(() -> interceptor.release(call(OWNER, ReleaseRequest.toHost(AK, WrapFormat.JWE))))
            .isSameAs(reportFailure);
        assertThat(audited).singleElement().satisfies(o -> assertThat(o.reason()).isEqualTo("host_unknown"));
    }

    @Test
    void release_secretTooLargeForRawWrap_refusedAuditedAndPlaintextWiped() {
        served = SecretBytes.copyOf(new byte[300]);

        assertThatThrownBy(() -> interceptor.release(call(OWNER, ReleaseRequest.toHost(AK, WrapFormat.RAW))))
            .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.reason())
                .isEqualTo(ReleaseException.Reason.SECRET_TOO_LARGE_FOR_RAW_WRAP));
        assertThat(audited).singleElement().satisfies(o ->
            assertThat(o.reason()).isEqualTo("secret_too_large_for_raw_wrap"));
        assertThatThrownBy(served::bytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void release_auditRecordNotCommitted_noKeyReturnedAndPlaintextWiped() {
        auditFailure = new ReleaseAuditUnavailableException("Release audit commit failed: disk full", null);

        assertThatThrownBy(() -> interceptor.release(call(OWNER, ReleaseRequest.toHost(AK, WrapFormat.JWE))))
            .isSameAs(auditFailure);
        assertThat(storeRead).isTrue();
        assertThatThrownBy(served::bytes).isInstanceOf(IllegalStateException.class).hasMessageContaining("wiped");
    }

    @Test
    void release_refusalNotRecorded_failsWithTheAuditFailureNotTheRefusal() {
        auditFailure = new ReleaseAuditUnavailableException("Release audit not committed within PT10S", null);
        host = host(false, List.of("PCR 7 differs"), "edge", NOW.minusSeconds(10), NOW.plusSeconds(600), evidence(true));

        assertThatThrownBy(() -> interceptor.release(call(OWNER, ReleaseRequest.toHost(AK, WrapFormat.JWE))))
            .isSameAs(auditFailure);
        assertThat(storeRead).isFalse();
    }

    private void assertRefused(Decision decision, ReleaseRefusedException.Reason reason, String messagePart) {
        assertThatThrownBy(() -> interceptor.release(call(OWNER, ReleaseRequest.toHost(AK, WrapFormat.JWE))))
            .isInstanceOfSatisfying(ReleaseRefusedException.class, e -> {
                assertThat(e.reason()).isEqualTo(reason);
                assertThat(e.clientMessage()).contains(messagePart);
            });
        assertThat(storeRead).isFalse();
        assertThat(audited).singleElement().satisfies(o -> {
            assertThat(o.decision()).isEqualTo(decision);
            assertThat(o.reason()).isEqualTo(reason.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(o.reportId()).isEqualTo("report-7");
        });
    }

    private static AttestedHost host(boolean trusted, List<String> reasons, String group, Instant verifiedAt,
                                     Instant expiresAt, BindKeyEvidence evidence) {
        return new AttestedHost(AK, "report-7", trusted, reasons, group, "us-east", "tag-1", verifiedAt, expiresAt,
            evidence);
    }

    private static BindKeyEvidence evidence(boolean pcrBound) {
        return ReleaseKeys.evidence(pcrBound);
    }

    private InvocationContext call(Caller caller, ReleaseRequest request) {
        return callAccepting(caller, request, stored -> Optional.of(stored));
    }

    /** The payload method as the container would run it: reads the store only when proceeded to. */
    private InvocationContext callAccepting(Caller caller, ReleaseRequest request, AcceptedTypes accepted) {
        Object[] params = {caller, ID, accepted, request};
        return new InvocationContext() {
            private Object[] current = params;

            @Override
            public Object getTarget() {
                return null;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                return null;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return current.clone();
            }

            @Override
            public void setParameters(Object[] parameters) {
                current = parameters.clone();
            }

            @Override
            public Map<String, Object> getContextData() {
                return new HashMap<>();
            }

            @Override
            public Object proceed() {
                storeRead = true;
                String type = ((AcceptedTypes) current[2]).responseTypeFor("application/octet-stream").orElseThrow(
                    () -> new IllegalStateException("406"));
                if (served == null) {
                    served = SecretBytes.copyOf(KEY);
                }
                return new Payload(type, served);
            }
        };
    }
}
