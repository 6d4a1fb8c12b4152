package io.liveupdate.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which migrations and placeholders each database gets, by the product name its JDBC driver reports. */
class SchemaMigratorTest {

    @Test
    void mariaDbReadsItsOwnFolderAndEveryOtherDatabaseTheCommonOne() {
        assertEquals("classpath:db/mariadb", SchemaMigrator.locationFor("MariaDB"));
        assertEquals("classpath:db/migration", SchemaMigrator.locationFor("PostgreSQL"));
        assertEquals("classpath:db/migration", SchemaMigrator.locationFor("H2"));
    }

    @Test
    void postgreSqlGetsItsOwnTypesAndTheOthersPortableOnes() {
        assertEquals("jsonb", SchemaMigrator.placeholdersFor("PostgreSQL").get("json_type"));
        assertEquals("varchar", SchemaMigrator.placeholdersFor("H2").get("json_type"));
    }
}
