package org.eventregistry.platform.error;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures mean the database is away (a 503 with Retry-After) rather than a bug (a 500). */
class DatabaseUnavailableTest {

    @Test
    void recognisesAnUnreachableOrStoppingDatabase() {
        assertTrue(DatabaseUnavailable.causedBy(new PersistenceException(new SQLException("Connection refused", "08001"))));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException(new ConnectException("Connection refused"))));
    }

    @Test
    void leavesOtherFailuresAlone() {
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("a bug")));
    }
}
