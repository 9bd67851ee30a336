package io.boat.kms.release;

import io.boat.kms.crypto.SecretBytes;
import io.boat.kms.policy.Action;
import io.boat.kms.policy.Caller;
import io.boat.kms.policy.Policy;
import io.boat.kms.release.ReleaseAudit.Occurrence;
import io.boat.kms.release.ReleaseEvent.Decision;
import io.boat.kms.secret.AcceptedTypes;
import io.boat.kms.secret.Payload;
import io.boat.kms.secret.SecretEntity;
import io.boat.kms.secret.SecretId;
import io.boat.kms.secret.SecretLookup;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The release path around the payload read ({@code payload(Caller, SecretId, AcceptedTypes, ReleaseRequest)}).
 * Without a named host it only refuses a secret whose policy requires attestation, before any store
 * is read. With a named host it fetches the host's trust report, judges it against the secret's
 * policy ({@link ReleaseJudge}), and only then lets the payload be read, wraps it to the host's
 * bind key and wipes the plaintext. Every attested release and every refusal is audited.
 */
@AttestedRelease
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AttestedReleaseInterceptor {

    static final String PAYLOAD_NOT_FOUND = "Secret not found.";
    private static final AcceptedTypes ANY_STORED_TYPE = Optional::ofNullable;

    @Inject
    SecretLookup secrets;

    // @Inject, not @EJB: Payara Server registers no java:comp/env entry for an @EJB field of a CDI
    // interceptor class, so the intercepted EJB could not be created in the EAR (EarPayaraServerIT).
    @Inject
    ReleasePolicies policies;

    // Read first, so a cached policy costs no call into the ReleasePolicies EJB: Payara resolves a
    // CDI-injected no-interface EJB per call by catching an IllegalArgumentException, and filling in
    // its stack trace was 3.5 % of a release's CPU (bench/RESULTS.md, async-profiler).
    @Inject
    ReleasePolicyCache policyCache;

    @Inject
    HostReports reports;

    // Looked up once, not @Inject: called through Weld's proxy, Payara resolves the no-interface EJB
    // on every call by catching an IllegalArgumentException (3.3 % of a release's CPU, bench/RESULTS.md),
    // and @EJB cannot be used here (above). java:module/ReleaseAudit is its portable name on every server.
    ReleaseAudit audit;

    Clock clock = Clock.systemUTC();

    @AroundInvoke
    public Object release(InvocationContext ctx) throws Exception {
        Object[] args = ctx.getParameters();
        Caller caller = (Caller) args[0];
        SecretId id = (SecretId) args[1];
        ReleaseRequest request = (ReleaseRequest) args[3];
        // Looked up and authorised here, so nobody learns a secret's release rules or gets a host
        // checked without the right to read it; the method reuses the pinned row.
        SecretEntity secret = secrets.find(id, PAYLOAD_NOT_FOUND);
        Policy.checkOwner(caller, Action.SECRET_DECRYPT, secret.projectId());
        try (SecretLookup.Pin pin = SecretLookup.pin(secret)) {
            if (request == null || !request.attested()) {
                if (secret.attestationRequired()) {
                    refused(caller, secret, null, null, "attestation_required", "read without " + AkName.HEADER);
                    throw new AttestationRequiredException();
                }
                return ctx.proceed();
            }
            return attested(ctx, caller, secret, request);
        }
    }

    private Payload attested(InvocationContext ctx, Caller caller, SecretEntity secret, ReleaseRequest request) throws Exception {
        AttestedHost host = null;
        BindKeyTarget target;
        try {
            ReleasePolicy policy = policyCache.get(secret.id(), policies::forSecret);
            host = reports.current(request.akName(), policy.maxReportAge());
            target = ReleaseJudge.target(host, policy, Instant.now(clock));
        } catch (ReleaseRefusedException e) {
            refused(caller, secret, request.akName(), host, snake(e.reason()), e.clientMessage());
            throw e;
        } catch (AttestationUnavailableException e) {
            // The log message may name the service's address; project admins read the audit, so it gets the client's.
            refused(caller, secret, request.akName(), host, "attestation_unavailable", e.clientMessage());
            throw e;
        } catch (ReleaseException e) {
            refused(caller, secret, request.akName(), host, snake(e.reason()), e.getMessage());
            throw e;
        }
        Object[] args = ctx.getParameters();
        args[2] = ANY_STORED_TYPE;
        ctx.setParameters(args);
        byte[] wrapped;
        try (Payload plain = (Payload) ctx.proceed()) {
            wrapped = wrap(plain.bytes(), request.format(), target);
        } catch (ReleaseException e) {
            refused(caller, secret, request.akName(), host, snake(e.reason()), e.getMessage());
            throw e;
        }
        try {
            // Answered only once the record is committed: a key never leaves without its audit row.
            audit().recordDecision(new Occurrence(secret.projectId(), secret.id(), Decision.RELEASED, null,
                request.akName().hex(), host.hostGroup(), host.reportId(), caller.userId(), request.format().mediaType()));
        } catch (RuntimeException e) {
            Arrays.fill(wrapped, (byte) 0);
            throw e;
        }
        return new Payload(request.format().mediaType(), SecretBytes.wrap(wrapped));
    }

    private static byte[] wrap(SecretBytes plain, WrapFormat format, BindKeyTarget target) {
        return switch (format) {
            case JWE -> JweWrap.wrap(plain, target).getBytes(StandardCharsets.US_ASCII);
            case RAW -> TpmOaepWrap.wrap(plain, target);
        };
    }

    private void refused(Caller caller, SecretEntity secret, AkName akName, AttestedHost host, String reason, String detail) {
        audit().recordDecision(new Occurrence(secret.projectId(), secret.id(), Decision.REFUSED, reason,
            akName == null ? null : akName.hex(), host == null ? null : host.hostGroup(),
            host == null ? null : host.reportId(), caller.userId(), detail));
    }

    /** The stable wire name of a reason: {@code HOST_UNTRUSTED} → {@code host_untrusted}. */
    public static String snake(Enum<?> reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    /** Looked up in the intercepted bean's module (kms-ejb's, or the WAR holding it on Payara Micro). */
    private ReleaseAudit audit() {
        ReleaseAudit a = audit;
        if (a == null) {
            try {
                a = (ReleaseAudit) new InitialContext().lookup("java:module/ReleaseAudit");
            } catch (NamingException e) {
                throw new IllegalStateException("ReleaseAudit is not bound at java:module/ReleaseAudit", e);
            }
            audit = a;
        }
        return a;
    }
}
