package io.boat.kms.release;

import io.boat.kms.persistence.GroupCommit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The group commit of release and refusal records ({@link GroupCommit}): concurrent releases wait
 * on one shared transaction ({@link ReleaseAudit#insert}) instead of committing one each, which is
 * what an attested release used to spend most of its time on. The batch is written on the managed
 * executor's thread, outside every caller's transaction, so a refusal's record survives the
 * rollback of the read it refused.
 *
 * <p>An EJB rather than a CDI bean for the same reason as {@code OrderDrainer}: its executor and
 * {@link ReleaseAudit} are injected the same way on every server. Its state is thread-safe on its
 * own, so the container adds no lock.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReleaseAuditWriter {

    /** Bounds one transaction's work; at concurrency 16 a batch rarely holds more than 16. */
    static final int MAX_BATCH = 64;

    /** A batch smaller than this waits for more records, up to {@link #LINGER_MICROS}. */
    public static final String MIN_BATCH = "boat.release.audit-min-batch";

    /** Microseconds a small batch waits at most for more records (1,000 by default; 0: never). */
    public static final String LINGER_MICROS = "boat.release.audit-linger-micros";

    /** How long a release waits for its record before it is refused with a 500 (a stuck database). */
    static final Duration WAIT = Duration.ofSeconds(10);

    @EJB
    ReleaseAudit audit;

    @Resource
    ManagedExecutorService executor;

    private GroupCommit<ReleaseEventEntity> commits;

    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig();
        commits = new GroupCommit<>("release audit", executor, batch -> audit.insert(batch), MAX_BATCH, WAIT,
            config.getOptionalValue(MIN_BATCH, Integer.class).orElse(8),
            Duration.of(config.getOptionalValue(LINGER_MICROS, Long.class).orElse(1000L), ChronoUnit.MICROS));
    }

    /** Returns once {@code event} is committed; throws {@link ReleaseAuditUnavailableException} otherwise. */
    public void record(ReleaseEventEntity event) {
        try {
            commits.commit(event);
        } catch (GroupCommit.NotCommittedException e) {
            throw new ReleaseAuditUnavailableException(e.getMessage(), e.getCause());
        }
    }
}
