package io.boat.kms.web.support;

import io.boat.kms.AlreadyExistsException;
import io.boat.kms.InvalidRequestException;
import io.boat.kms.KmsException;
import io.boat.kms.NotAuthenticatedException;
import io.boat.kms.NotPermittedException;
import io.boat.kms.PayloadTooLargeException;
import io.boat.kms.UnknownResourceException;
import io.boat.kms.identity.lockout.LoginsThrottledException;
import io.boat.kms.release.AttestationRequiredException;
import io.boat.kms.release.AttestationUnavailableException;
import io.boat.kms.release.MalformedAkNameException;
import io.boat.kms.release.ReleaseAuditUnavailableException;
import io.boat.kms.release.ReleaseException;
import io.boat.kms.release.ReleaseRefusedException;
import io.boat.kms.release.UnacceptableReleaseFormatException;
import io.boat.kms.secret.UnacceptablePayloadTypeException;
import io.boat.kms.store.StoreUnavailableException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP status for each kind of {@link KmsException}: the one place that turns the KMS's
 * domain failures into statuses. A kind not listed (a store or crypto failure) is a 500.
 */
public final class ErrorStatuses {

    private static final Map<Class<? extends KmsException>, Integer> STATUSES = new LinkedHashMap<>();

    static {
        STATUSES.put(InvalidRequestException.class, 400);
        STATUSES.put(NotAuthenticatedException.class, 401);
        STATUSES.put(NotPermittedException.class, 403);
        STATUSES.put(UnknownResourceException.class, 404);
        STATUSES.put(SlowBodyException.class, 408);
        STATUSES.put(UnacceptablePayloadTypeException.class, 406);
        STATUSES.put(AlreadyExistsException.class, 409);
        STATUSES.put(PayloadTooLargeException.class, 413);
        STATUSES.put(UnsupportedContentTypeException.class, 415);
        STATUSES.put(LoginsThrottledException.class, 429);
        STATUSES.put(StoreUnavailableException.class, 503);
    }

    private ErrorStatuses() {
    }

    /**
     * A release that cannot be produced: the secret does not fit the raw format the client asked
     * for (406: ask for application/jose), or the bind key or the wrap failed (500).
     */
    public static int of(ReleaseException e) {
        return e.reason() == ReleaseException.Reason.SECRET_TOO_LARGE_FOR_RAW_WRAP ? 406 : 500;
    }

    /**
     * The stable, snake-case reason an attested-release failure adds to Barbican's error body, so an
     * agent can act on it without parsing the description; empty for every other failure.
     */
    public static Optional<String> releaseReason(Throwable t) {
        if (t instanceof ReleaseRefusedException e) {
            return Optional.of(snake(e.reason()));
        }
        if (t instanceof ReleaseException e) {
            return Optional.of(snake(e.reason()));
        }
        if (t instanceof AttestationRequiredException) {
            return Optional.of("attestation_required");
        }
        if (t instanceof AttestationUnavailableException) {
            return Optional.of("attestation_unavailable");
        }
        if (t instanceof ReleaseAuditUnavailableException) {
            return Optional.of("audit_unavailable");
        }
        if (t instanceof MalformedAkNameException) {
            return Optional.of("malformed_ak_name");
        }
        if (t instanceof UnacceptableReleaseFormatException) {
            return Optional.of("unacceptable_release_format");
        }
        return Optional.empty();
    }

    private static String snake(Enum<?> reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    public static int of(KmsException e) {
        for (Map.Entry<Class<? extends KmsException>, Integer> kind : STATUSES.entrySet()) {
            if (kind.getKey().isInstance(e)) {
                return kind.getValue();
            }
        }
        return 500;
    }
}
