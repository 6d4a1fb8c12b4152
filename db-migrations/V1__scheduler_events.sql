-- The scheduler's events, one row per event, series, exception or deleted occurrence.
-- ${json_type} and ${text_type} are Flyway placeholders: jsonb/text on PostgreSQL, varchar on the
-- embedded H2 default (see persistence.SchemaMigrator). Times are wall-clock, as the scheduler sends them.

-- EclipseLink pre-allocates ids in blocks of 50 and treats nextval as the end of a block.
CREATE SEQUENCE scheduler_event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE scheduler_event (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    calendar           VARCHAR(64)  NOT NULL,
    start_date         TIMESTAMP    NOT NULL,
    end_date           TIMESTAMP    NOT NULL,
    text               ${text_type} NOT NULL,
    -- RRULE format (dhtmlxScheduler 7.1+)
    rrule              VARCHAR(2000),
    duration           BIGINT,
    recurring_event_id BIGINT,
    original_start     TIMESTAMP,
    deleted            BOOLEAN      NOT NULL DEFAULT FALSE,
    -- legacy recurring format (rec_type / event_pid / event_length)
    rec_type           VARCHAR(255),
    event_pid          BIGINT,
    event_length       BIGINT,
    -- every other property the front end sends (section_id, color, ...), kept as the client typed it
    custom_fields      ${json_type} NOT NULL DEFAULT '{}',
    version            BIGINT       NOT NULL DEFAULT 1
);

-- Dynamic loading asks for start_date < :to AND end_date > :from within one calendar.
CREATE INDEX scheduler_event_range ON scheduler_event (calendar, start_date, end_date);
-- Changing or deleting a series removes its exceptions.
CREATE INDEX scheduler_event_series ON scheduler_event (recurring_event_id);
CREATE INDEX scheduler_event_legacy_series ON scheduler_event (event_pid);

-- Options the scheduler loads into serverList(collection), e.g. the sections of a timeline.
CREATE TABLE scheduler_collection_option (
    calendar     VARCHAR(64)  NOT NULL,
    collection   VARCHAR(64)  NOT NULL,
    option_value VARCHAR(255) NOT NULL,
    option_label ${text_type} NOT NULL,
    sort_order   INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (calendar, collection, option_value)
);
