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
import org.flywaydb.core.api.configuration.FluentConfiguration;

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
        var result = configuration(getClass().getClassLoader(), product).dataSource(dataSource).load().migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied) on " + product);
    }

    /**
     * The WAR's migrations for that database. A database that has tables of the company's already (a calendar
     * mapped onto one, docs/databases.md) but none of ours yet is not refused: Flyway's history starts below V1 there,
     * so every migration runs; our tables live next to theirs, and theirs are never touched.
     */
    static FluentConfiguration configuration(ClassLoader loader, String product) {
        return Flyway.configure(loader)
                .locations(locationFor(product))
                .placeholders(placeholdersFor(product))
                .baselineOnMigrate(true)
                .baselineVersion("0");
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
