-- MariaDB version of ../V3__change_log.sql (see V1 here for the types and the collation). The counter row is bumped
-- with INSERT ... ON DUPLICATE KEY UPDATE (persistence.ChangeLog), which locks it exclusively until the commit.

CREATE TABLE change_stream (
    stream   VARCHAR(264) NOT NULL PRIMARY KEY,
    last_seq BIGINT       NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE change_log (
    stream       VARCHAR(264) NOT NULL,
    seq          BIGINT       NOT NULL,
    payload      LONGTEXT     NOT NULL,
    committed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (stream, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE INDEX change_log_age ON change_log (committed_at);
