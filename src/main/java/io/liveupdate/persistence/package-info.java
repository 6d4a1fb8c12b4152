/** Schema ownership: runs the versioned migrations in db-migrations/ before anything touches the database. */
package io.liveupdate.persistence;
