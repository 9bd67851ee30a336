package io.boat.attestation.client;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JWT claims of a signed trust report, in one place for the service that signs and the relying
 * party that reads: {@code jti} = reportId, {@code sub} = AK name, {@code iat} = verifiedAt,
 * {@code exp} = expiresAt, and one claim per other report field, named as the JSON field.
 */
public final class TrustReportClaims {
    public static final String ISSUER = "boat-attestation-service";

    private TrustReportClaims() {
    }

    /** The claims the service signs for {@code r}. */
    public static JWTClaimsSet toClaims(TrustReport r) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .jwtID(r.getReportId())
            .subject(r.getAkName())
            .claim("hostId", r.getHostId())
            .claim("trusted", r.isTrusted())
            .claim("reasons", r.getReasons())
            .claim("bindPublicKey", r.getBindPublicKey())
            .claim("bindKeyName", r.getBindKeyName())
            .claim("location", r.getLocation())
            .claim("assetTag", r.getAssetTag())
            .claim("hostGroup", r.getHostGroup())
            .claim("policyVersion", r.getPolicyVersion())
            .claim("akPublic", r.getAkPublic())
            .claim("bindPublic", r.getBindPublic())
            .claim("bindCertifyInfo", r.getBindCertifyInfo())
            .claim("bindCertifySignature", r.getBindCertifySignature())
            .claim("referencePcrs", referencePcrsClaim(r.getReferencePcrs()));
        if (r.getVerifiedAt() != null) {
            claims.issueTime(Date.from(r.getVerifiedAt().toInstant()));
        }
        if (r.getExpiresAt() != null) {
            claims.expirationTime(Date.from(r.getExpiresAt().toInstant()));
        }
        return claims.build();
    }

    /**
     * The report exactly as the claims state it (call only with claims whose signature verified).
     *
     * @throws ParseException when a claim has the wrong type
     */
    public static TrustReport fromClaims(JWTClaimsSet c) throws ParseException {
        TrustReport r = new TrustReport();
        r.setReportId(c.getJWTID());
        r.setAkName(c.getSubject());
        r.setHostId(c.getStringClaim("hostId"));
        Boolean trusted = c.getBooleanClaim("trusted");
        r.setTrusted(Boolean.TRUE.equals(trusted));
        List<String> reasons = c.getStringListClaim("reasons");
        r.setReasons(reasons == null ? List.of() : List.copyOf(reasons));
        r.setBindPublicKey(c.getStringClaim("bindPublicKey"));
        r.setBindKeyName(c.getStringClaim("bindKeyName"));
        r.setLocation(c.getStringClaim("location"));
        r.setAssetTag(c.getStringClaim("assetTag"));
        r.setHostGroup(c.getStringClaim("hostGroup"));
        r.setPolicyVersion(c.getStringClaim("policyVersion"));
        r.setAkPublic(c.getStringClaim("akPublic"));
        r.setBindPublic(c.getStringClaim("bindPublic"));
        r.setBindCertifyInfo(c.getStringClaim("bindCertifyInfo"));
        r.setBindCertifySignature(c.getStringClaim("bindCertifySignature"));
        r.setReferencePcrs(referencePcrs(c.getJSONObjectClaim("referencePcrs")));
        r.setVerifiedAt(time(c.getIssueTime()));
        r.setExpiresAt(time(c.getExpirationTime()));
        return r;
    }

    private static Map<String, Object> referencePcrsClaim(ReferencePcrs pcrs) {
        if (pcrs == null) {
            return null;
        }
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("bank", pcrs.getBank());
        claim.put("values", new TreeMap<>(pcrs.getValues()));
        return claim;
    }

    private static ReferencePcrs referencePcrs(Map<String, Object> claim) throws ParseException {
        if (claim == null) {
            return null;
        }
        if (!(claim.get("bank") instanceof String bank) || !(claim.get("values") instanceof Map<?, ?> values)) {
            throw new ParseException("referencePcrs must be {\"bank\":string,\"values\":{pcr:hex}}", 0);
        }
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<?, ?> e : values.entrySet()) {
            if (!(e.getValue() instanceof String hex)) {
                throw new ParseException("referencePcrs value for PCR " + e.getKey() + " is not a string", 0);
            }
            out.put(String.valueOf(e.getKey()), hex);
        }
        return new ReferencePcrs(bank, out);
    }

    private static OffsetDateTime time(Date d) {
        return d == null ? null : d.toInstant().atOffset(ZoneOffset.UTC);
    }
}
