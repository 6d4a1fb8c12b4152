-- MariaDB version of ../V1__scheduler_events.sql: the same tables, columns and indexes; only the types
-- differ (docs/databases.md says how). Every table is InnoDB with utf8mb4_nopad_bin: names, calendars and ids compare exactly
-- as on PostgreSQL (case and trailing spaces count), never by MariaDB's case-insensitive default.

-- EclipseLink pre-allocates ids in blocks of 50 and treats nextval as the end of a block.
CREATE SEQUENCE scheduler_event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE scheduler_event (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    calendar           VARCHAR(64)  NOT NULL,
    -- DATETIME, not TIMESTAMP: wall-clock like PostgreSQL's TIMESTAMP, and years past 2038 (a series "forever")
    start_date         DATETIME(6)  NOT NULL,
    end_date           DATETIME(6)  NOT NULL,
    text               LONGTEXT     NOT NULL,
    rrule              VARCHAR(2000),
    duration           BIGINT,
    recurring_event_id BIGINT,
    original_start     DATETIME(6),
    deleted            BOOLEAN      NOT NULL DEFAULT FALSE,
    rec_type           VARCHAR(255),
    event_pid          BIGINT,
    event_length       BIGINT,
    -- MariaDB's JSON is LONGTEXT with a JSON_VALID check
    custom_fields      JSON         NOT NULL DEFAULT '{}',
    version            BIGINT       NOT NULL DEFAULT 1
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE INDEX scheduler_event_range ON scheduler_event (calendar, start_date, end_date);
CREATE INDEX scheduler_event_series ON scheduler_event (recurring_event_id);
CREATE INDEX scheduler_event_legacy_series ON scheduler_event (event_pid);

CREATE TABLE scheduler_collection_option (
    calendar     VARCHAR(64)  NOT NULL,
    collection   VARCHAR(64)  NOT NULL,
    option_value VARCHAR(255) NOT NULL,
    option_label LONGTEXT     NOT NULL,
    sort_order   INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (calendar, collection, option_value)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
