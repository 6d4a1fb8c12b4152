/**
 * Schema ownership: runs the versioned migrations in db-migrations/ (MariaDB: db-migrations/mariadb/) before anything
 * touches the database; the change log; where the SQL differs per database ({@link io.liveupdate.persistence.DatabaseProduct});
 * and how EclipseLink behaves when the database is away (fail fast).
 */
package io.liveupdate.persistence;
