package io.boat.kms.web.support;

import io.boat.kms.AlreadyExistsException;
import io.boat.kms.InvalidRequestException;
import io.boat.kms.KmsException;
import io.boat.kms.NotAuthenticatedException;
import io.boat.kms.NotPermittedException;
import io.boat.kms.PayloadTooLargeException;
import io.boat.kms.UnknownResourceException;
import io.boat.kms.identity.lockout.LoginsThrottledException;
import io.boat.kms.secret.UnacceptablePayloadTypeException;
import io.boat.kms.store.StoreUnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;

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

    public static int of(KmsException e) {
        for (Map.Entry<Class<? extends KmsException>, Integer> kind : STATUSES.entrySet()) {
            if (kind.getKey().isInstance(e)) {
                return kind.getValue();
            }
        }
        return 500;
    }
}
