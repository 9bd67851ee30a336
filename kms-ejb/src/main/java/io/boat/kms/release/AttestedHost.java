package io.boat.kms.release;

import java.time.Instant;
import java.util.List;

/**
 * A host's trust report as BOAT received it: its JWS signature verified against the attestation
 * service's keys, but not yet judged against any secret's release policy. {@code bindKey} is null
 * when the host has no certified bind key.
 */
public record AttestedHost(AkName akName, String reportId, boolean trusted, List<String> reasons,
                           String hostGroup, String location, String assetTag,
                           Instant verifiedAt, Instant expiresAt, BindKeyEvidence bindKey) {

    public AttestedHost {
        reasons = List.copyOf(reasons);
    }
}
