-- The example company table of company-bookings.sql, as it looks on MariaDB (10.3+) or MySQL: the same table and
-- column names, so server-config/company-table/orm.xml maps it unchanged. live-update never creates or alters it.
CREATE TABLE company_bookings (
    booking_no    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    room          VARCHAR(64)   NOT NULL,
    starts_at     DATETIME(6)   NOT NULL,
    ends_at       DATETIME(6)   NOT NULL,
    title         LONGTEXT      NOT NULL,
    repeat_rule   VARCHAR(2000),
    repeat_length BIGINT,
    series_no     BIGINT,
    replaces      DATETIME(6),
    cancelled     BOOLEAN       NOT NULL DEFAULT FALSE,
    legacy_repeat VARCHAR(255),
    legacy_parent BIGINT,
    legacy_length BIGINT,
    extras        JSON          NOT NULL DEFAULT '{}',
    row_version   BIGINT        NOT NULL DEFAULT 1
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
