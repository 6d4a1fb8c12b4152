package io.liveupdate.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates the schema at deployment, before the first request: EclipseLink connects lazily, and the
 * deployment only completes once this bean has started.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        String product = databaseProduct();
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(locationFor(product))
                .placeholders(placeholdersFor(product))
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied) on " + product);
    }

    /**
     * MariaDB gets migrations of its own, db-migrations/mariadb/ (Flyway's way for SQL that differs per database):
     * its TIMESTAMP ends in 2038, it has no identity column of the standard's kind, and it compares text without case
     * unless told otherwise. Every other database reads db-migrations/ with placeholders.
     */
    static String locationFor(String product) {
        return DatabaseProduct.isMariaDb(product) ? "classpath:db/mariadb" : "classpath:db/migration";
    }

    /**
     * PostgreSQL gets its own types; the embedded H2 default gets portable ones, and plain tables where PostgreSQL's
     * may be UNLOGGED (H2 has no such thing).
     */
    static Map<String, String> placeholdersFor(String product) {
        return DatabaseProduct.isPostgres(product)
                ? Map.of("json_type", "jsonb", "text_type", "text", "unlogged", "UNLOGGED")
                : Map.of("json_type", "varchar", "text_type", "varchar", "unlogged", "");
    }

    private String databaseProduct() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the default datasource: " + e.getMessage(), e);
        }
    }
}
