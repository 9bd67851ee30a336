package io.boat.kms.arquillian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.boat.kms.crypto.Rng;
import io.boat.kms.crypto.SecretBytes;
import io.boat.kms.policy.Caller;
import io.boat.kms.project.ProjectId;
import io.boat.kms.release.AkName;
import io.boat.kms.release.AttestationRequiredException;
import io.boat.kms.release.ReleaseAudit;
import io.boat.kms.release.ReleaseAuditUnavailableException;
import io.boat.kms.release.ReleaseEvent;
import io.boat.kms.release.ReleaseEvent.Decision;
import io.boat.kms.release.ReleaseKeys;
import io.boat.kms.release.ReleasePolicies;
import io.boat.kms.release.ReleasePolicy;
import io.boat.kms.release.ReleaseRefusedException;
import io.boat.kms.release.ReleaseRequest;
import io.boat.kms.release.WrapFormat;
import io.boat.kms.secret.AcceptedTypes;
import io.boat.kms.secret.NewSecret;
import io.boat.kms.secret.Payload;
import io.boat.kms.secret.SecretId;
import io.boat.kms.secret.SecretService;
import io.boat.kms.store.SecretKind;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.security.spec.MGF1ParameterSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attested-release interceptor as the container applies it: kms-ejb and its libraries in a WAR on a
 * real Payara Micro with the embedded default's H2 data source and the real database store. Shows what
 * the one-class unit test of the interceptor cannot: that {@code @AttestedRelease} on
 * {@code SecretService.payload} is honoured by the EJB container (and only there), that a refusal
 * reaches the caller as the domain exception and stops before the store, that a release to a trusted host
 * reads the store once and answers with the wrap instead of the plaintext, and that the refusal's audit
 * record is committed in its own transaction while the caller's transaction rolls back, and that a release
 * whose audit record the database refuses fails without the key.
 * The attestation service is replaced by {@link StubHostReports}; the store routing is the real one,
 * counted by {@link ReadCountingSecretStores}.
 */
@ExtendWith({ArquillianExtension.class, TestServletReady.class})
public class AttestedReleaseInContainerIT {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final AcceptedTypes OCTETS = stored -> Optional.of("application/octet-stream");
    private static final AkName AK = AkName.parse("000b" + "c4".repeat(32));

    @Deployment
    public static WebArchive war() {
        File[] libs = new File(System.getProperty("boat.arq.war-lib")).listFiles((dir, name) -> name.endsWith(".jar"));
        return ShrinkWrap.create(WebArchive.class, "release-arq.war")
            .addAsLibraries(libs)
            .addClasses(AttestedReleaseInContainerIT.class, TestServletReady.class, StubHostReports.class,
                ReadCountingSecretStores.class, ReleaseKeys.class)
            .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                + " bean-discovery-mode=\"annotated\"/>"), "beans.xml")
            // A configured admin password, so the first start prints no generated one into the build log.
            .addAsResource(new StringAsset("boat.admin.password=" + HexFormat.of().formatHex(Rng.bytes(24)) + "\n"),
                "META-INF/microprofile-config.properties");
    }

    @Inject
    SecretService secrets;

    @Inject
    ReleasePolicies policies;

    @Inject
    ReleaseAudit audit;

    @Inject
    UserTransaction tx;

    @Resource(lookup = "jdbc/boat")
    DataSource db;

    @Inject
    ReadCountingSecretStores stores;

    @Inject
    StubHostReports reports;

    private Caller owner;
    private Caller admin;

    @BeforeEach
    void project() {
        ProjectId project = new ProjectId("arq-" + UUID.randomUUID());
        owner = new Caller(UUID.randomUUID().toString(), "arq-owner", project, Set.of("creator"));
        admin = new Caller(UUID.randomUUID().toString(), "arq-admin", project, Set.of("admin"));
    }

    @Test
    void payload_withoutAkOnAttestationRequiredSecret_refusedBeforeTheStoreAndAudited() {
        SecretId id = secret(true);

        assertThrows(AttestationRequiredException.class,
            () -> secrets.payload(owner, id, OCTETS, ReleaseRequest.PLAIN));

        assertEquals(0, stores.readsOf(id.value()), "the store was read for a refused release");
        ReleaseEvent refusal = single(events(id), Decision.REFUSED);
        assertEquals("attestation_required", refusal.reason());
        assertEquals(owner.userId(), refusal.actorId());
        assertEquals(null, refusal.akName());
    }

    @Test
    void payload_toUntrustedHost_refusedWithHostUntrustedBeforeTheStoreAndAudited() {
        SecretId id = secret(true);

        ReleaseRefusedException e = assertThrows(ReleaseRefusedException.class,
            () -> secrets.payload(owner, id, OCTETS, ReleaseRequest.toHost(AK, WrapFormat.JWE)));

        assertEquals(ReleaseRefusedException.Reason.HOST_UNTRUSTED, e.reason());
        assertTrue(e.getMessage().contains(StubHostReports.UNTRUSTED_REASON), e.getMessage());
        assertTrue(reports.wasAskedFor(AK), "the container's HostReports alternative was not asked");
        assertEquals(0, stores.readsOf(id.value()), "the store was read for a refused release");
        ReleaseEvent refusal = single(events(id), Decision.REFUSED);
        assertEquals("host_untrusted", refusal.reason());
        assertEquals(AK.hex(), refusal.akName());
        assertEquals(StubHostReports.UNTRUSTED_REPORT_ID, refusal.reportId());
        assertEquals(StubHostReports.HOST_GROUP, refusal.hostGroup());
    }

    @Test
    void payload_toTrustedHostRaw_storeReadOnceAndOnlyTheWrapReturned() throws Exception {
        SecretId id = secret(true);
        // Accepts nothing the secret is stored as: the interceptor, not the client's Accept, decides what the method may return.
        AcceptedTypes nothing = stored -> Optional.empty();

        byte[] unwrapped;
        try (Payload p = secrets.payload(owner, id, nothing, ReleaseRequest.toHost(StubHostReports.TRUSTED_AK, WrapFormat.RAW))) {
            assertEquals(WrapFormat.RAW.mediaType(), p.contentType());
            assertFalse(Arrays.equals(KEY, p.bytes().bytes()), "the plaintext was returned to an attested host");
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
            oaep.init(Cipher.DECRYPT_MODE, ReleaseKeys.PAIR.getPrivate(), new OAEPParameterSpec("SHA-256", "MGF1",
                MGF1ParameterSpec.SHA256, new PSource.PSpecified("TPM2\0".getBytes(StandardCharsets.US_ASCII))));
            unwrapped = oaep.doFinal(p.bytes().bytes());
        }

        assertArrayEquals(KEY, unwrapped);
        assertEquals(1, stores.readsOf(id.value()));
        ReleaseEvent release = single(events(id), Decision.RELEASED);
        assertEquals(StubHostReports.TRUSTED_AK.hex(), release.akName());
        assertEquals(StubHostReports.TRUSTED_REPORT_ID, release.reportId());
        assertEquals(WrapFormat.RAW.mediaType(), release.detail());
    }

    @Test
    void refusalInsideCallersTransaction_callerRollsBack_refusalStaysAudited() throws Exception {
        SecretId id = secret(true);

        tx.begin();
        try {
            // Work of the caller's that must vanish with its transaction: a policy change and its audit record.
            policies.put(owner, id, new ReleasePolicy(true, List.of("rolled-back"), List.of(), List.of(), 300, false));
            assertThrows(AttestationRequiredException.class,
                () -> secrets.payload(owner, id, OCTETS, ReleaseRequest.PLAIN));
            assertEquals(Status.STATUS_MARKED_ROLLBACK, tx.getStatus(),
                "the refusal (an application exception with rollback) did not mark the caller's transaction");
        } finally {
            tx.rollback();
        }

        assertEquals(List.of(), policies.get(owner, id).hostGroups(), "the caller's policy change survived");
        List<ReleaseEvent> events = events(id);
        assertEquals(1, events.stream().filter(ev -> ev.decision() == Decision.POLICY_SET).count(),
            "only the committed policy change is recorded: " + events);
        assertEquals("attestation_required", single(events, Decision.REFUSED).reason());
    }

    @Test
    void payload_releaseWhoseAuditRecordCannotBeCommitted_failsWithoutTheKeyAndLeavesNoRecord() throws Exception {
        SecretId id = secret(true);

        // The real database refuses the insert: the group commit's transaction fails, as on a full disk.
        auditTable("boat_release_event", "boat_release_event_off");
        try {
            assertThrows(ReleaseAuditUnavailableException.class, () -> secrets.payload(owner, id, OCTETS,
                ReleaseRequest.toHost(StubHostReports.TRUSTED_AK, WrapFormat.RAW)).close());
        } finally {
            auditTable("boat_release_event_off", "boat_release_event");
        }

        assertEquals(1, stores.readsOf(id.value()), "the key was not read, so the audit failure was not reached");
        assertFalse(events(id).stream().anyMatch(ev -> ev.decision() == Decision.RELEASED),
            "a release was recorded although its commit failed: " + events(id));
    }

    @Test
    void payload_plainReadOfOrdinarySecret_readsTheStoreOnceAndAuditsNothing() {
        SecretId id = secret(false);

        try (Payload p = secrets.payload(owner, id, OCTETS, ReleaseRequest.PLAIN)) {
            assertArrayEquals(KEY, p.bytes().bytes());
        }

        assertEquals(1, stores.readsOf(id.value()));
        assertEquals(List.of(), events(id).stream().filter(ev -> ev.decision() != Decision.POLICY_SET).toList());
    }

    @Test
    void metadataRead_ofAttestationRequiredSecret_notIntercepted() {
        SecretId id = secret(true);

        assertEquals(id.value(), secrets.get(owner, id).id());

        assertFalse(events(id).stream().anyMatch(ev -> ev.decision() == Decision.REFUSED),
            "the release interceptor fired on a metadata read");
        assertEquals(0, stores.readsOf(id.value()));
    }

    /** A stored secret of the test's project, created and (for {@code attested}) given its policy in committed transactions. */
    private SecretId secret(boolean attested) {
        SecretId id;
        try (SecretBytes payload = SecretBytes.copyOf(KEY)) {
            id = new SecretId(secrets.create(owner, new NewSecret("arq", SecretKind.SYMMETRIC, "aes", 256, "cbc", null,
                payload, "application/octet-stream")).id());
        }
        if (attested) {
            policies.put(owner, id, new ReleasePolicy(true, List.of(), List.of(), List.of(), 300, false));
        }
        return id;
    }

    private void auditTable(String from, String to) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + from + " RENAME TO " + to);
        }
    }

    private List<ReleaseEvent> events(SecretId id) {
        return audit.list(admin, id.value(), 0, 100).items();
    }

    private static ReleaseEvent single(List<ReleaseEvent> events, Decision decision) {
        List<ReleaseEvent> matching = events.stream().filter(ev -> ev.decision() == decision).toList();
        assertEquals(1, matching.size(), "expected one " + decision + " event: " + events);
        return matching.get(0);
    }
}
