-- MariaDB version of ../V7__gantt.sql (see V1 here for the types and the collation).

CREATE SEQUENCE gantt_task_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE gantt_link_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE gantt_task (
    id            BIGINT           NOT NULL PRIMARY KEY,
    gantt         VARCHAR(64)      NOT NULL,
    text          LONGTEXT         NOT NULL,
    start_date    DATETIME(6),
    duration      DOUBLE PRECISION,
    end_date      DATETIME(6),
    progress      DOUBLE PRECISION NOT NULL DEFAULT 0,
    parent        BIGINT           NOT NULL DEFAULT 0,
    is_open       BOOLEAN          NOT NULL DEFAULT FALSE,
    task_type     VARCHAR(64),
    sort_order    BIGINT           NOT NULL,
    custom_fields JSON             NOT NULL DEFAULT '{}',
    version       BIGINT           NOT NULL DEFAULT 1
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE INDEX gantt_task_order ON gantt_task (gantt, sort_order, id);
CREATE INDEX gantt_task_parent ON gantt_task (gantt, parent);

CREATE TABLE gantt_link (
    id            BIGINT       NOT NULL PRIMARY KEY,
    gantt         VARCHAR(64)  NOT NULL,
    source        BIGINT       NOT NULL,
    target        BIGINT       NOT NULL,
    link_type     VARCHAR(64)  NOT NULL DEFAULT '0',
    custom_fields JSON         NOT NULL DEFAULT '{}',
    version       BIGINT       NOT NULL DEFAULT 1
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE INDEX gantt_link_chart ON gantt_link (gantt, id);
CREATE INDEX gantt_link_source ON gantt_link (source);
CREATE INDEX gantt_link_target ON gantt_link (target);
