/**
 * Schema ownership: runs the versioned migrations in db-migrations/ before anything touches the database; and how
 * EclipseLink behaves when the database is away (fail fast).
 */
package io.liveupdate.persistence;
