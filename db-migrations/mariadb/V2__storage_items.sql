-- MariaDB version of ../V2__storage_items.sql (see V1 here for the types and the collation).

CREATE SEQUENCE storage_item_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE storage_item (
    id       BIGINT       NOT NULL PRIMARY KEY,
    channel  VARCHAR(200) NOT NULL,
    item_id  VARCHAR(255) NOT NULL,
    fields   JSON         NOT NULL,
    version  BIGINT       NOT NULL DEFAULT 1,
    CONSTRAINT storage_item_key UNIQUE (channel, item_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE INDEX storage_item_order ON storage_item (channel, id);
