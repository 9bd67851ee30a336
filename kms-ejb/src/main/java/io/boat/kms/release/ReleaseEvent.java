package io.boat.kms.release;

import java.time.OffsetDateTime;

/**
 * An audit record as listed: what happened to which secret ({@link Decision}), for which host
 * (AK name, host group, trust report id) or by whom (policy changes), why, and when.
 */
public record ReleaseEvent(String id, String secretId, Decision decision, String reason, String akName,
                           String hostGroup, String reportId, String actorId, String detail, OffsetDateTime at) {

    /** What happened. */
    public enum Decision {
        /** The secret was wrapped to an attested host's bind key and returned. */
        RELEASED,
        /** A read was refused by the release path (reason says why). */
        REFUSED,
        /** The secret's release policy was set (by PUT, or at birth by an order). */
        POLICY_SET,
        /** The secret's release policy was reset to the default. */
        POLICY_RESET
    }

    static ReleaseEvent of(ReleaseEventEntity e) {
        return new ReleaseEvent(e.id, e.secretId, Decision.valueOf(e.decision), e.reason, e.akName, e.hostGroup,
            e.reportId, e.actorId, e.detail, e.occurredAt);
    }
}
