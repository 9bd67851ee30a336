package io.boat.kms.release;

import io.boat.kms.release.ReleaseRefusedException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Judges a host's verified trust report against a secret's release policy and answers where the
 * secret may be wrapped. Checks run in a fixed order, so a client always learns the first reason:
 * trust, freshness, host group, location, asset tag, then the bind key itself.
 */
public final class ReleaseJudge {

    private ReleaseJudge() {
    }

    /**
     * The verified bind key to wrap to.
     *
     * @throws ReleaseRefusedException when the host may not have the secret (401)
     * @throws ReleaseException {@link ReleaseException.Reason#UNUSABLE_BIND_KEY} when the host has no usable bind key (500)
     */
    public static BindKeyTarget target(AttestedHost host, ReleasePolicy policy, Instant now) {
        if (!host.trusted()) {
            throw new ReleaseRefusedException(Reason.HOST_UNTRUSTED, "Host " + host.akName() + " is not trusted"
                + (host.reasons().isEmpty() ? "." : ": " + String.join("; ", host.reasons()) + "."));
        }
        checkFresh(host, policy.maxReportAge(), now);
        checkAllowed(Reason.HOST_GROUP_NOT_ALLOWED, "host group", host.hostGroup(), policy.hostGroups());
        checkAllowed(Reason.LOCATION_NOT_ALLOWED, "location", host.location(), policy.locations());
        checkAllowed(Reason.ASSET_TAG_NOT_ALLOWED, "asset tag", host.assetTag(), policy.assetTags());
        if (host.bindKey() == null) {
            throw new ReleaseException(ReleaseException.Reason.UNUSABLE_BIND_KEY,
                "host " + host.akName() + " has no certified bind key");
        }
        BindKeyTarget target = host.bindKey().verifiedTarget(host.reportId());
        if (policy.pcrBoundBindKey() && !host.bindKey().pcrBound()) {
            throw new ReleaseRefusedException(Reason.BIND_KEY_NOT_PCR_BOUND, "The secret's release policy requires a"
                + " bind key bound to the host group's PCRs; the bind key of host " + host.akName() + " is not.");
        }
        return target;
    }

    private static void checkFresh(AttestedHost host, Duration maxAge, Instant now) {
        if (!now.isBefore(host.expiresAt())) {
            throw new ReleaseRefusedException(Reason.REPORT_STALE, "The trust report " + host.reportId()
                + " of host " + host.akName() + " expired at " + host.expiresAt() + "; attest again.");
        }
        if (Duration.between(host.verifiedAt(), now).compareTo(maxAge) > 0) {
            throw new ReleaseRefusedException(Reason.REPORT_STALE, "The trust report " + host.reportId()
                + " of host " + host.akName() + " is older than the " + maxAge.toSeconds()
                + " seconds the secret's release policy allows; attest again.");
        }
    }

    private static void checkAllowed(Reason reason, String what, String value, List<String> allowed) {
        if (!allowed.isEmpty() && (value == null || !allowed.contains(value))) {
            throw new ReleaseRefusedException(reason, "The host's " + what + " "
                + (value == null ? "(none)" : "'" + value + "'") + " is not one the secret's release policy allows.");
        }
    }
}
