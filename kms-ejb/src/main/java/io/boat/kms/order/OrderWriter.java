package io.boat.kms.order;

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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The group commit of accepted orders ({@link GroupCommit}): concurrent POSTs wait on one shared
 * transaction that inserts their PENDING rows instead of committing one each, which with every
 * commit written before the answer (H2's WRITE_DELAY=0) was the largest single cost of accepting
 * an order (bench/RESULTS.md). A caller returns, and its client gets 202, only once its row is
 * committed; a batch that fails fails each of its callers, and none of them gets a 202.
 *
 * <p>An EJB rather than a CDI bean for the same reason as {@link OrderDrainer}. Its state is
 * thread-safe on its own, so the container adds no lock.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderWriter {

    /** Bounds one transaction's work; at concurrency 16 a batch rarely holds more than 16. */
    static final int MAX_BATCH = 64;

    /** A batch smaller than this waits for more orders, up to {@link #LINGER_MICROS}. */
    public static final String MIN_BATCH = "boat.order.accept-min-batch";

    /** Microseconds a small batch waits at most for more orders (0 by default: never). */
    public static final String LINGER_MICROS = "boat.order.accept-linger-micros";

    /** How long a POST waits for its order's commit before it fails with a 500 (a stuck database). */
    static final Duration WAIT = Duration.ofSeconds(10);

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    @EJB
    OrderWriter self;

    @Resource
    ManagedExecutorService executor;

    private GroupCommit<OrderEntity> commits;

    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig();
        open(config.getOptionalValue(MIN_BATCH, Integer.class).orElse(1),
                Duration.of(config.getOptionalValue(LINGER_MICROS, Long.class).orElse(0L), ChronoUnit.MICROS));
    }

    void open(int minBatch, Duration linger) {
        commits = new GroupCommit<>("accepted order", executor, batch -> self.insert(batch), MAX_BATCH, WAIT,
                minBatch, linger);
    }

    /** Returns once {@code order}'s row is committed; throws {@link OrderNotStoredException} otherwise. */
    public void persist(OrderEntity order) {
        try {
            commits.commit(order);
        } catch (GroupCommit.NotCommittedException e) {
            throw new OrderNotStoredException(e.getMessage(), e.getCause());
        }
    }

    /** Commits a batch of accepted orders in one transaction of their own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(List<OrderEntity> batch) {
        batch.forEach(em::persist);
    }
}
