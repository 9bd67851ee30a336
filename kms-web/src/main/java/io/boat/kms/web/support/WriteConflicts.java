package io.boat.kms.web.support;

import java.sql.SQLException;

/**
 * Recognises a concurrent write that lost at commit — a unique key another request inserted
 * first (SQLState class 23), or a row version another request moved on (an optimistic-lock
 * failure) — so that the loser gets 409 like any other conflict, not a 500.
 */
final class WriteConflicts {

    private static final int MAX_DEPTH = 20;

    private WriteConflicts() {
    }

    static boolean isConflict(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; depth < MAX_DEPTH && t != null; depth++) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            // JPA's and EclipseLink's classes share the name; kms-web does not compile against either.
            if ("OptimisticLockException".equals(t.getClass().getSimpleName())) {
                return true;
            }
            t = t.getCause();
        }
        return false;
    }
}
