-- MariaDB version of ../V4__remote_positions.sql (see V1 here for the types and the collation).
CREATE TABLE remote_position (
    page       VARCHAR(64)  NOT NULL,
    calendar   VARCHAR(64)  NOT NULL,
    position   BIGINT       NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (page, calendar)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE INDEX remote_position_age ON remote_position (updated_at);
