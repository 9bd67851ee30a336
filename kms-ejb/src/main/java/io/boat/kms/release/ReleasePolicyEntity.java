package io.boat.kms.release;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A secret's stored release policy, one row per secret that has one (BOAT metadata, whatever store
 * keeps the key). Lists are stored one entry per line: {@link ReleasePolicy} forbids line breaks in entries.
 */
@Entity
@Table(name = "boat_release_policy")
public class ReleasePolicyEntity {

    @Id
    @Column(name = "secret_id", length = 36)
    String id;

    @Column(name = "attestation_required", nullable = false)
    boolean attestationRequired;

    @Column(name = "host_groups", length = 4200)
    String hostGroups;

    @Column(length = 4200)
    String locations;

    @Column(name = "asset_tags", length = 4200)
    String assetTags;

    @Column(name = "max_report_age", nullable = false)
    int maxReportAge;

    @Column(name = "pcr_bound_bind_key", nullable = false)
    boolean pcrBoundBindKey;

    @Column(name = "updated_by", length = 64)
    String updatedBy;

    @Column(nullable = false)
    OffsetDateTime updated;

    ReleasePolicy policy() {
        return new ReleasePolicy(attestationRequired, split(hostGroups), split(locations), split(assetTags),
            maxReportAge, pcrBoundBindKey);
    }

    void set(ReleasePolicy p, String by, OffsetDateTime at) {
        attestationRequired = p.attestationRequired();
        hostGroups = String.join("\n", p.hostGroups());
        locations = String.join("\n", p.locations());
        assetTags = String.join("\n", p.assetTags());
        maxReportAge = p.maxReportAgeSeconds();
        pcrBoundBindKey = p.pcrBoundBindKey();
        updatedBy = by;
        updated = at;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
