package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.attestation.client.TrustReport;
import io.boat.testing.Swtpm;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attested releases BOAT must refuse although the attestation service signed a trusted report: the
 * report's bind key is migratable, or a signing key, or its TPM2_Certify does not verify under the host's AK, or the JWS
 * is signed by a key the service's key set does not list. The service is {@link ForgedAttestationService}
 * (the real one never signs such reports); the TPM structures in the reports are real ones tpm2-tools
 * made in a swtpm ({@link Swtpm#withBindKeys()}); BOAT is the embedded default on Payara Micro fetching
 * the service's keys from {@code GET /v1/keys}.
 */
class UnusableBindKeyIT {

    static final byte[] KEY = Base64.getDecoder().decode(SecretsApiIT.KEY_B64);
    static final String GROUP = "forged-group";
    /** Unknown-kid refetches: one per hour, so the test's two requests can only cause one. */
    static final int REFETCH_SECONDS = 3600;

    static Swtpm tpm;
    static ForgedAttestationService service;
    static BoatServer boat;
    static Api owner;

    @BeforeAll
    static void start() throws Exception {
        tpm = Swtpm.withBindKeys();
        service = ForgedAttestationService.start();
        boat = BoatServer.h2("unusable-bind-key", "-Dattestation-service/mp-rest/url=" + service.url(),
                "-Dboat.release.attestation-keys-refetch-seconds=" + REFETCH_SECONDS).start();
        Api api = boat.api();
        owner = api.withToken(api.token("admin", BoatServer.ADMIN_PASSWORD, "admin"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (boat != null) {
                boat.stop();
            }
            if (service != null) {
                service.close();
            }
        } finally {
            if (tpm != null) {
                tpm.close();
            }
        }
    }

    @Test
    void migratableBindKey_500UnusableBindKey_auditedNamingFixedTpm_ordinarySecretStillReadable() throws Exception {
        // "migratable" lacks fixedTPM and fixedParent; its TPM2_Certify by "ak" is genuine.
        String ak = name("ak");
        service.serve(report(ak, "ak", "migratable", "migratable"));
        String ordinary = SecretsApiIT.storeKey(owner, "ordinary-migratable");

        Api.Response r = owner.get(ordinary + "/payload", "X-BOAT-AK-Name", ak, "Accept", "application/jose");

        assertUnusableBindKey(r);
        assertThat(refusal(ordinary, ak, "unusable_bind_key").getString("detail")).contains("fixedTPM is not set")
                .contains("fixedParent is not set");
        assertOwnerReadsTheKey(ordinary);
    }

    @Test
    void uncertifiedBindKey_500UnusableBindKey_attestationRequiredSecretStaysRefusedWithoutHeader() throws Exception {
        // "bind" is a proper bind key, but its TPM2_Certify is ak's signature, presented as ak2's.
        String ak2 = name("ak2");
        service.serve(report(ak2, "ak2", "bind", "bind"));
        String required = SecretsApiIT.storeKey(owner, "required-uncertified");
        assertThat(owner.putJson(required + "/release-policy", "{\"attestation_required\":true,\"host_groups\":[\""
                + GROUP + "\"],\"max_report_age\":300}").status()).isEqualTo(200);

        Api.Response r = owner.get(required + "/payload", "X-BOAT-AK-Name", ak2, "Accept", "application/octet-stream");

        assertUnusableBindKey(r);
        assertThat(refusal(required, ak2, "unusable_bind_key").getString("detail")).contains("not signed by the host's AK");
        Api.Response withoutHeader = owner.get(required + "/payload", "Accept", "application/octet-stream");
        assertThat(withoutHeader.status()).isEqualTo(403);
        assertThat(withoutHeader.json().getString("reason")).isEqualTo("attestation_required");
        assertNoKeyBytes(withoutHeader);
    }

    @Test
    void signingKeyAsBindKey_500UnusableBindKey_auditedNamingDecrypt() throws Exception {
        // "sign" is an RSASSA signing key, genuinely certified by a third AK made for this test.
        String ak3 = certifySignKeyWithThirdAk();
        service.serve(report(ak3, "ak3", "sign", "sign-ak3"));
        String ordinary = SecretsApiIT.storeKey(owner, "ordinary-sign-key");

        Api.Response r = owner.get(ordinary + "/payload", "X-BOAT-AK-Name", ak3, "Accept", "application/jose");

        assertUnusableBindKey(r);
        assertThat(refusal(ordinary, ak3, "unusable_bind_key").getString("detail")).contains("decrypt is not set");
        assertOwnerReadsTheKey(ordinary);
    }

    @Test
    void reportSignedByUnlistedKid_500AttestationUnavailable_keySetRefetchedOnceOnly() throws Exception {
        String ak = "000b" + "4d".repeat(32);
        service.serveSignedByUnlistedKey(report(ak, "ak", "bind", "bind"));
        String ordinary = SecretsApiIT.storeKey(owner, "unlisted-kid");

        Api.Response first = owner.get(ordinary + "/payload", "X-BOAT-AK-Name", ak);
        Api.Response second = owner.get(ordinary + "/payload", "X-BOAT-AK-Name", ak);

        for (Api.Response r : new Api.Response[] {first, second}) {
            assertThat(r.status()).as(r.toString()).isEqualTo(500);
            assertThat(r.json().getString("reason")).isEqualTo("attestation_unavailable");
            assertThat(r.json().getString("description")).isEqualTo("The attestation service is unavailable.");
            assertNoKeyBytes(r);
        }
        // An unknown kid may mean the service rotated its key: one re-fetch, never one per forged report.
        // Whatever ran before, BOAT fetched the set once at first use, then re-fetched once for the first report.
        assertThat(service.keySetRequests()).isEqualTo(2);
        refusal(ordinary, ak, "attestation_unavailable");
        assertOwnerReadsTheKey(ordinary);
    }

    private static void assertUnusableBindKey(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(500);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonObject body = r.json();
        assertThat(body.getInt("code")).isEqualTo(500);
        assertThat(body.getString("title")).isEqualTo("Internal Server Error");
        assertThat(body.getString("reason")).isEqualTo("unusable_bind_key");
        assertThat(body.getString("description")).isEqualTo("The host's bind key cannot be used to wrap the secret.");
        assertNoKeyBytes(r);
    }

    /** Neither the key's bytes nor their base64 anywhere in the body. */
    private static void assertNoKeyBytes(Api.Response r) {
        assertThat(new String(r.body(), StandardCharsets.ISO_8859_1)).doesNotContain(new String(KEY, StandardCharsets.ISO_8859_1))
                .doesNotContain(SecretsApiIT.KEY_B64);
    }

    /** A trusted report for AK {@code akName} presenting {@code ak}'s public area and {@code key} as certified as {@code certifiedAs}. */
    private static TrustReport report(String akName, String ak, String key, String certifiedAs) throws Exception {
        return ForgedAttestationService.trustedReport(akName, GROUP, b64(ak + ".pub"), b64(key + ".pub"),
                b64(certifiedAs + ".certify"), b64(certifiedAs + ".certsig"));
    }

    /**
     * Creates AK "ak3" beside the fixture's keys and certifies "sign" with it (sign-ak3.certify/.certsig),
     * as bind-key-fixtures.sh certifies with "ak"; returns ak3's name.
     */
    private static String certifySignKeyWithThirdAk() throws Exception {
        tpm.tpm2("tpm2_create", "-Q", "-C", "primary.ctx", "-g", "sha256", "-G", "rsa2048:rsassa-sha256:null", "-a",
                "fixedtpm|fixedparent|sensitivedataorigin|userwithauth|restricted|sign", "-u", "ak3.pub", "-r", "ak3.priv");
        flush();
        tpm.tpm2("tpm2_load", "-Q", "-C", "primary.ctx", "-u", "ak3.pub", "-r", "ak3.priv", "-c", "ak3.ctx");
        flush();
        tpm.tpm2("tpm2_readpublic", "-Q", "-c", "ak3.ctx", "-n", "ak3.name");
        flush();
        tpm.tpm2("tpm2_certify", "-Q", "-c", "sign.ctx", "-C", "ak3.ctx", "-g", "sha256", "-o", "sign-ak3.certify",
                "-s", "sign-ak3.certsig");
        flush();
        return name("ak3");
    }

    /** Without a resource manager each tool leaves its objects and sessions loaded; swtpm has three slots. */
    private static void flush() throws Exception {
        tpm.tpm2("tpm2_flushcontext", "-t");
        tpm.tpm2("tpm2_flushcontext", "-s");
    }

    private static String b64(String file) throws Exception {
        return Base64.getEncoder().encodeToString(tpm.read(file));
    }

    private static String name(String key) throws Exception {
        return HexFormat.of().formatHex(tpm.read(key + ".name"));
    }

    /** The secret's newest release event (admin-listed), checked to be the refusal of {@code ak} for {@code reason}. */
    private static JsonObject refusal(String ref, String ak, String reason) {
        JsonObject events = owner.get("/v1/release-events?secret_id=" + ref.substring(ref.lastIndexOf('/') + 1)).json();
        JsonObject event = events.getJsonArray("release_events").getJsonObject(0);
        assertThat(event.getString("decision")).isEqualTo("refused");
        assertThat(event.getString("reason")).isEqualTo(reason);
        assertThat(event.getString("ak_name")).isEqualTo(ak);
        assertThat(event.toString()).doesNotContain(SecretsApiIT.KEY_B64);
        return event;
    }

    /** The refused release took nothing away: the owner's ordinary read still gives the key byte for byte. */
    private static void assertOwnerReadsTheKey(String ref) {
        Api.Response plain = owner.get(ref + "/payload", "Accept", "application/octet-stream");
        assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
        assertThat(plain.body()).isEqualTo(KEY);
    }
}
