package io.boat.kms.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.kms.release.AttestationRequiredException;
import io.boat.kms.release.AttestationUnavailableException;
import io.boat.kms.release.MalformedAkNameException;
import io.boat.kms.release.ReleaseAuditUnavailableException;
import io.boat.kms.release.ReleaseException;
import io.boat.kms.release.ReleaseRefusedException;
import io.boat.kms.release.UnacceptableReleaseFormatException;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The attested-release error contract: status, Barbican's body, and the stable reason; never internals. */
class ReleaseErrorMappingTest {

    private final ErrorMapper mapper = new ErrorMapper();

    static Object[][] contract() {
        return new Object[][] {
            {new ReleaseRefusedException(ReleaseRefusedException.Reason.HOST_UNTRUSTED, "Host is not trusted: PCR 7 differs."),
                401, "host_untrusted", "PCR 7 differs"},
            {new ReleaseRefusedException(ReleaseRefusedException.Reason.HOST_UNKNOWN, "Unknown host."), 401, "host_unknown",
                "Unknown host."},
            {new ReleaseRefusedException(ReleaseRefusedException.Reason.REPORT_STALE, "stale"), 401, "report_stale", "stale"},
            {new ReleaseRefusedException(ReleaseRefusedException.Reason.BIND_KEY_NOT_PCR_BOUND, "not bound"), 401,
                "bind_key_not_pcr_bound", "not bound"},
            {new AttestationRequiredException(), 403, "attestation_required", "X-BOAT-AK-Name"},
            {new AttestationUnavailableException("connect to 10.1.2.3:8443 timed out", "The attestation service is unavailable.",
                null), 500, "attestation_unavailable", "The attestation service is unavailable."},
            {new ReleaseAuditUnavailableException("Release audit commit failed: JdbcSQLException: disk full", null), 500,
                "audit_unavailable", "nothing was released"},
            {new MalformedAkNameException("Malformed X-BOAT-AK-Name header."), 400, "malformed_ak_name", "Malformed"},
            {new UnacceptableReleaseFormatException("Accept allows neither."), 406, "unacceptable_release_format",
                "neither"},
            {new ReleaseException(ReleaseException.Reason.UNUSABLE_BIND_KEY, "bind key of 1024 bits"), 500,
                "unusable_bind_key", "The host's bind key cannot be used to wrap the secret."},
            {new ReleaseException(ReleaseException.Reason.WRAP_FAILED, "JWE encryption failed: JOSEException"), 500,
                "wrap_failed", "The secret could not be wrapped."},
            {new ReleaseException(ReleaseException.Reason.SECRET_TOO_LARGE_FOR_RAW_WRAP, "secret of 300 bytes exceeds the 190"),
                406, "secret_too_large_for_raw_wrap", "application/jose"},
        };
    }

    @ParameterizedTest
    @MethodSource("contract")
    void toResponse_releaseFailure_statusBarbicanBodyAndReason(RuntimeException e, int status, String reason,
                                                               String description) {
        Response r = mapper.toResponse(e);

        assertThat(r.getStatus()).isEqualTo(status);
        JsonObject body = json(r);
        assertThat(body.getInt("code")).isEqualTo(status);
        assertThat(body.getString("reason")).isEqualTo(reason);
        assertThat(body.getString("description")).contains(description);
        assertThat(body.keySet()).containsExactlyInAnyOrder("code", "title", "description", "reason");
    }

    @Test
    void toResponse_unusableBindKey_500KeepsTheInternalDetailOutOfTheBody() {
        Response r = mapper.toResponse(new ReleaseException(ReleaseException.Reason.UNUSABLE_BIND_KEY,
            "RSA bind key of 1024 bits is shorter than 2048"));

        assertThat(json(r).getString("description")).doesNotContain("1024");
    }

    @Test
    void toResponse_attestationUnavailable_500DoesNotNameTheServiceAddress() {
        Response r = mapper.toResponse(new AttestationUnavailableException("connect to 10.1.2.3:8443 timed out",
            "The attestation service is unavailable.", null));

        assertThat(json(r).getString("description")).doesNotContain("10.1.2.3");
    }

    @Test
    void toResponse_auditUnavailable_500DoesNotCarryTheDatabaseError() {
        Response r = mapper.toResponse(new ReleaseAuditUnavailableException(
            "Release audit commit failed: JdbcSQLException: disk full", null));

        assertThat(json(r).getString("description")).doesNotContain("disk full").doesNotContain("Jdbc");
    }

    @Test
    void toResponse_releaseExceptionWrappedByTheContainer_unwrapped() {
        Response r = mapper.toResponse(new EJBException(new RuntimeException(
            new ReleaseException(ReleaseException.Reason.WRAP_FAILED, "x"))));

        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(json(r).getString("reason")).isEqualTo("wrap_failed");
    }

    @Test
    void toResponse_hostRefused401_notKeystoneShapedAndNoTokenChallenge() {
        Response r = mapper.toResponse(new ReleaseRefusedException(ReleaseRefusedException.Reason.HOST_UNTRUSTED, "no"));

        assertThat(json(r).containsKey("error")).isFalse();
        assertThat(r.getHeaderString("WWW-Authenticate")).isNull();
    }

    private static JsonObject json(Response r) {
        return Json.createReader(new StringReader((String) r.getEntity())).readObject();
    }
}
