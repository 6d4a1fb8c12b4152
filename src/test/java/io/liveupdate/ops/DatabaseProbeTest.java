package io.liveupdate.ops;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Against the real PostgreSQL of the build (127.0.0.1:5432), and against a port where nothing listens. */
class DatabaseProbeTest {

    private static PGSimpleDataSource postgres(int port) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser(System.getProperty("it.db.user", "postgres"));
        dataSource.setConnectTimeout(2);
        return dataSource;
    }

    @Test
    void aDatabaseThatAnswersIsUp() {
        var status = new DatabaseProbe(postgres(5432), 2).probe();
        assertTrue(status.up(), status.problem());
        assertNull(status.problem());
    }

    @Test
    void anUnreachableDatabaseIsDownWithTheReason() {
        var status = new DatabaseProbe(postgres(1), 2).probe();
        assertFalse(status.up());
        assertTrue(status.problem().startsWith("PSQLException"), status.problem());
    }
}
