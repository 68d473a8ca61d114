package org.praxis.platform.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {
    @Test
    void databaseStatesThatMeanTryAgainAreTransient() {
        for (String state : new String[] {"08006", "40001", "40P01", "55P03", "57P01", "25006", "53300"}) {
            assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("x", state))), state);
        }
        assertTrue(TransientFailures.isTransient(new SQLTransientConnectionException("pool")));
        assertTrue(TransientFailures.isTransient(new jakarta.persistence.OptimisticLockException("stale")));
        assertTrue(TransientFailures.isTransient(new SQLException("Sorry, acquisition timeout!")));
    }

    @Test
    void theEventsOwnFaultIsNot() {
        assertFalse(TransientFailures.isTransient(new UnprocessableEvent("missing field")));
        assertFalse(TransientFailures.isTransient(new RuntimeException(new SQLException("dup", "23505"))));
        assertFalse(TransientFailures.isTransient(new IllegalStateException("thing cannot be applied")));
    }
}
