-- dhtmlxGantt charts (io.liveupdate.gantt): tasks and links, each row in one chart ("gantt", the name in
-- /api/gantts/{name}). ${json_type} and ${text_type} are Flyway placeholders: jsonb/text on PostgreSQL, varchar on the
-- embedded H2 default (see persistence.SchemaMigrator). Times are wall-clock, as the chart sends them.

-- EclipseLink pre-allocates ids in blocks of 50 and treats nextval as the end of a block.
CREATE SEQUENCE gantt_task_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE gantt_link_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE gantt_task (
    id            BIGINT           NOT NULL PRIMARY KEY,
    gantt         VARCHAR(64)      NOT NULL,
    text          ${text_type}     NOT NULL,
    -- an unscheduled task has no dates
    start_date    TIMESTAMP,
    duration      DOUBLE PRECISION,
    end_date      TIMESTAMP,
    progress      DOUBLE PRECISION NOT NULL DEFAULT 0,
    -- 0 is the chart's root (the client's root_id)
    parent        BIGINT           NOT NULL DEFAULT 0,
    is_open       BOOLEAN          NOT NULL DEFAULT FALSE,
    task_type     VARCHAR(64),
    -- the chart's order (order_branch): new tasks go last, target=<id> / target=next:<id> moves one
    sort_order    BIGINT           NOT NULL,
    -- every other property the chart sends, kept as it typed it
    custom_fields ${json_type}     NOT NULL DEFAULT '{}',
    version       BIGINT           NOT NULL DEFAULT 1
);

-- Loads read one chart in its order; cascade deletes and the ancestor check read one task's children.
CREATE INDEX gantt_task_order ON gantt_task (gantt, sort_order, id);
CREATE INDEX gantt_task_parent ON gantt_task (gantt, parent);

CREATE TABLE gantt_link (
    id            BIGINT       NOT NULL PRIMARY KEY,
    gantt         VARCHAR(64)  NOT NULL,
    source        BIGINT       NOT NULL,
    target        BIGINT       NOT NULL,
    -- "0" finish-to-start, "1" start-to-start, "2" finish-to-finish, "3" start-to-finish (or a page's own values)
    link_type     VARCHAR(64)  NOT NULL DEFAULT '0',
    custom_fields ${json_type} NOT NULL DEFAULT '{}',
    version       BIGINT       NOT NULL DEFAULT 1
);

CREATE INDEX gantt_link_chart ON gantt_link (gantt, id);
CREATE INDEX gantt_link_source ON gantt_link (source);
CREATE INDEX gantt_link_target ON gantt_link (target);
