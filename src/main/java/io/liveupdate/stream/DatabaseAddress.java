package io.liveupdate.stream;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where the datasource's database is and as whom to log in, for the listener's own connection. The datasource
 * does not tell its password, so the settings the server's datasource itself is built from come first: the
 * {@code liveupdate.db.url|user|password} system properties that {@code server-config/wildfly-postgres.cli} reads,
 * then {@code DB_URL|DB_USER|DB_PASSWORD} from the environment (its fallback, and Payara's); failing those, the URL
 * and user of a pooled connection, without a password (enough under trust or peer authentication).
 */
record DatabaseAddress(String url, String user, String password) {

    static DatabaseAddress of(DataSource dataSource) throws SQLException {
        String url = setting("liveupdate.db.url", "DB_URL");
        String user = setting("liveupdate.db.user", "DB_USER");
        String password = setting("liveupdate.db.password", "DB_PASSWORD");
        if (url == null || user == null) {
            try (Connection pooled = dataSource.getConnection()) {
                if (url == null) url = pooled.getMetaData().getURL();
                if (user == null) user = pooled.getMetaData().getUserName();
            }
        }
        return new DatabaseAddress(url, user, password);
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) value = System.getenv(variable);
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return url + " as " + user; // never the password
    }
}
