package io.boat.attestation.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relying party's check of trust report signatures, against keys made here with Nimbus as the service makes them. */
class TrustReportVerifierTest {
    private static final String AK = "000b" + "ab".repeat(32);
    private static RSAKey serviceKey;
    private static RSAKey rotatedKey;

    @BeforeAll
    static void keys() throws Exception {
        serviceKey = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        rotatedKey = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
    }

    private static TrustReport report() {
        TrustReport r = new TrustReport();
        r.setReportId("6f1c1b1e-2f7e-4a51-9d59-3f2a9d1f0a11");
        r.setAkName(AK);
        r.setTrusted(true);
        r.setHostGroup("default");
        r.setReferencePcrs(new ReferencePcrs(ReferencePcrs.SHA256, Map.of("0", "00".repeat(32))));
        return r;
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String signed(RSAKey key) throws Exception {
        return signed(key, TrustReportClaims.toClaims(report()));
    }

    private static String set(RSAKey... keys) {
        return new JWKSet(java.util.Arrays.stream(keys).map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList())
            .toString();
    }

    private static TrustReportVerifier pinned() throws Exception {
        return TrustReportVerifier.pinned(set(serviceKey));
    }

    /** A clock a test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void verify_reportSignedByPinnedKey_returnsTheSignedReport() throws Exception {
        TrustReport r = pinned().verify(signed(serviceKey));

        assertThat(r.getReportId()).isEqualTo("6f1c1b1e-2f7e-4a51-9d59-3f2a9d1f0a11");
        assertThat(r.getAkName()).isEqualTo(AK);
        assertThat(r.isTrusted()).isTrue();
        assertThat(r.getReferencePcrs().getValues()).containsEntry("0", "00".repeat(32));
    }

    @Test
    void verify_tamperedPayload_isRejected() throws Exception {
        String[] parts = signed(serviceKey).split("\\.");
        TrustReport untrusted = report();
        untrusted.setTrusted(false);
        String forged = parts[0] + "." + Base64URL.encode(TrustReportClaims.toClaims(untrusted).toString()
            .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThatThrownBy(() -> pinned().verify(forged)).isInstanceOf(ReportSignatureException.class)
            .hasMessageContaining("does not verify");
    }

    @Test
    void verify_algNone_isRejected() throws Exception {
        String header = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + serviceKey.getKeyID() + "\"}").toString();
        String payload = Base64URL.encode(TrustReportClaims.toClaims(report()).toString()).toString();

        assertThatThrownBy(() -> pinned().verify(header + "." + payload + "."))
            .isInstanceOf(ReportSignatureException.class);
    }

    @Test
    void verify_hs256KeyedWithThePublicKey_isRejected() throws Exception {
        byte[] publicKeyAsSecret = serviceKey.toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(serviceKey.getKeyID())
            .type(JOSEObjectType.JWT).build(), TrustReportClaims.toClaims(report()));
        jwt.sign(new MACSigner(publicKeyAsSecret));

        assertThatThrownBy(() -> pinned().verify(jwt.serialize())).isInstanceOf(ReportSignatureException.class)
            .hasMessageContaining("HS256, not RS256");
    }

    @Test
    void verify_otherIssuer_isRejected() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(TrustReportClaims.toClaims(report())).issuer("someone-else").build();

        assertThatThrownBy(() -> pinned().verify(signed(serviceKey, claims)))
            .isInstanceOf(ReportSignatureException.class).hasMessageContaining("issuer");
    }

    @Test
    void verify_pinnedSetAndUnknownKid_isRejectedWithoutFetching() throws Exception {
        assertThatThrownBy(() -> pinned().verify(signed(rotatedKey)))
            .isInstanceOf(ReportSignatureException.class).hasMessageContaining("unknown key " + rotatedKey.getKeyID());
    }

    @Test
    void pinned_setWithoutKeys_isRefused() {
        assertThatThrownBy(() -> TrustReportVerifier.pinned("{\"keys\":[]}")).isInstanceOf(java.text.ParseException.class);
    }

    @Test
    void verify_fetchedSet_isFetchedOnceForManyReports() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        TrustReportVerifier verifier = TrustReportVerifier.fetching(counting(fetches, () -> set(serviceKey)),
            Duration.ofSeconds(30), new HandClock());

        verifier.verify(signed(serviceKey));
        verifier.verify(signed(serviceKey));

        assertThat(fetches).hasValue(1);
    }

    @Test
    void verify_unknownKidAfterRotation_refetchesOnceAndAccepts() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        AtomicReference<String> published = new AtomicReference<>(set(serviceKey));
        TrustReportVerifier verifier = TrustReportVerifier.fetching(counting(fetches, published::get),
            Duration.ofSeconds(30), new HandClock());
        verifier.verify(signed(serviceKey));

        published.set(set(rotatedKey));
        TrustReport r = verifier.verify(signed(rotatedKey));

        assertThat(r.getAkName()).isEqualTo(AK);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void verify_floodOfUnknownKids_refetchesAtMostOncePerInterval() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        HandClock clock = new HandClock();
        TrustReportVerifier verifier = TrustReportVerifier.fetching(counting(fetches, () -> set(serviceKey)),
            Duration.ofSeconds(30), clock);
        verifier.verify(signed(serviceKey));
        clock.now = clock.now.plusSeconds(31);

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> verifier.verify(signed(rotatedKey)))
                .isInstanceOf(ReportSignatureException.class).hasMessageContaining("unknown key");
        }
        assertThat(fetches).hasValue(2);

        clock.now = clock.now.plusSeconds(31);
        assertThatThrownBy(() -> verifier.verify(signed(rotatedKey))).isInstanceOf(ReportSignatureException.class);
        assertThat(fetches).hasValue(3);
    }

    @Test
    void verify_keySetCannotBeFetched_isRejectedSayingSo() {
        TrustReportVerifier verifier = TrustReportVerifier.fetching(() -> {
            throw new IllegalStateException("connection refused");
        }, Duration.ofSeconds(30), new HandClock());

        assertThatThrownBy(() -> verifier.verify(signed(serviceKey)))
            .isInstanceOf(ReportSignatureException.class).hasMessageContaining("key set cannot be fetched")
            .hasMessageContaining("connection refused");
    }

    @Test
    void verify_notAJws_isRejected() throws Exception {
        assertThatThrownBy(() -> pinned().verify("not.a-jws")).isInstanceOf(ReportSignatureException.class)
            .hasMessageContaining("not a compact JWS");
    }

    private static Supplier<String> counting(AtomicInteger counter, Supplier<String> source) {
        return () -> {
            counter.incrementAndGet();
            return source.get();
        };
    }
}
