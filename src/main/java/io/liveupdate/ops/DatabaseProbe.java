package io.liveupdate.ops;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** Asks the database for {@code SELECT 1}, giving up after a timeout. */
public final class DatabaseProbe {

    private final DataSource dataSource;
    private final int timeoutSeconds;

    public DatabaseProbe(DataSource dataSource, int timeoutSeconds) {
        this.dataSource = dataSource;
        this.timeoutSeconds = timeoutSeconds;
    }

    public DatabaseStatus probe() {
        long started = System.nanoTime();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds);
            try (var result = statement.executeQuery("SELECT 1")) {
                if (!result.next()) return down(started, "SELECT 1 returned no row");
            }
            return new DatabaseStatus(true, elapsedMillis(started), null);
        } catch (SQLException | RuntimeException e) {
            return down(started, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static DatabaseStatus down(long started, String problem) {
        return new DatabaseStatus(false, elapsedMillis(started), problem);
    }

    private static long elapsedMillis(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
