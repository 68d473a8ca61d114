package org.praxis.platform.events;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Which failures of a handler are "try again later" (the database away, a failover, a deadlock, a lock
 * or pool timeout, an optimistic lock) rather than the event's own fault: those are retried with a
 * growing pause and never dead-lettered.
 */
final class TransientFailures {
    private TransientFailures() {}

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** SQL states that say "try again later", not "this event is wrong". */
    private static final Set<String> TRANSIENT_STATES =
            Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03", "25006", "53000", "53100", "53200", "53300");

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException
                    || t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException
                    || t instanceof org.hibernate.exception.LockAcquisitionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || TRANSIENT_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getMessage() != null
                    && sql.getMessage().contains("acquisition timeout")) {
                return true; // Agroal's pool: every connection busy
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
