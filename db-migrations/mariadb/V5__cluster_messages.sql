-- MariaDB version of ../V5__cluster_messages.sql. Nodes on MariaDB send no cluster messages (they travel by
-- PostgreSQL NOTIFY, which MariaDB has not; docs/databases.md), so the table stays empty; it exists so that every
-- database has the same schema at the same version.
CREATE TABLE cluster_message (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    payload    LONGTEXT    NOT NULL,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
