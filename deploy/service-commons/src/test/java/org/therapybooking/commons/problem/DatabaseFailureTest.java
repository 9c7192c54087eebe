package org.therapybooking.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Which failures count as "the database is unavailable right now" (503 + Retry-After) rather than a 500. */
class DatabaseFailureTest {

    @Test
    void commitCutByADatabaseRestartIsUnavailableNotInternal() {
        // the shape the system test's PostgreSQL restart produced: the driver's error hangs off the transaction
        // manager's RollbackException as a suppressed XA error, not as its cause
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        Exception xa = new Exception("Error trying to transactionCommit local transaction", terminated);
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        RuntimeException undeclared = new RuntimeException("Error invoking subclass method", rollback);

        assertEquals(terminated, ProblemMappers.sqlCause(undeclared));
        assertTrue(ProblemMappers.databaseUnavailable(ProblemMappers.sqlCause(undeclared)));
    }

    @Test
    void causeChainStillWinsAndCyclesEnd() {
        SQLException refused = new SQLException("Connection refused", "08001");
        RuntimeException wrapper = new RuntimeException("wrapper", refused);
        RuntimeException cyclic = new RuntimeException("cyclic");
        RuntimeException other = new RuntimeException("other");
        cyclic.addSuppressed(other);
        other.addSuppressed(cyclic);

        assertEquals(refused, ProblemMappers.sqlCause(wrapper));
        assertNull(ProblemMappers.sqlCause(cyclic));
        assertFalse(ProblemMappers.databaseUnavailable(new SQLException("duplicate key", "23505")));
    }
}
