package io.boat.kms.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class WriteConflictsTest {

    /** Stands in for EclipseLink's and JPA's exception of that name. */
    static final class OptimisticLockException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void uniqueViolationOrOptimisticLock_deepInTheCauseChain_isAConflict() {
        var unique = new RuntimeException("tx rolled back", new IllegalStateException("commit",
                new SQLIntegrityConstraintViolationException("dup", "23505")));
        assertThat(WriteConflicts.isConflict(unique)).isTrue();
        assertThat(WriteConflicts.isConflict(new RuntimeException(new OptimisticLockException()))).isTrue();
    }

    @Test
    void otherDatabaseFailures_areNot() {
        assertThat(WriteConflicts.isConflict(new RuntimeException(new SQLException("down", "08001")))).isFalse();
        assertThat(WriteConflicts.isConflict(new RuntimeException(new SQLException("no state")))).isFalse();
        assertThat(WriteConflicts.isConflict(new IllegalStateException("bug"))).isFalse();
    }
}
