-- Webix faye-> storages (io.liveupdate.storage): the items of every storage channel, e.g. /chat.
-- ${json_type} is jsonb on PostgreSQL, varchar on the embedded H2 default (see persistence.SchemaMigrator).

-- EclipseLink pre-allocates ids in blocks of 50 and treats nextval as the end of a block.
CREATE SEQUENCE storage_item_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE storage_item (
    -- orders a storage's items by their first insert, for the snapshot a new subscriber gets
    id       BIGINT       NOT NULL PRIMARY KEY,
    channel  VARCHAR(200) NOT NULL,
    -- the Webix item id as text: 17 and "17" are one item
    item_id  VARCHAR(255) NOT NULL,
    fields   ${json_type} NOT NULL,
    version  BIGINT       NOT NULL DEFAULT 1,
    CONSTRAINT storage_item_key UNIQUE (channel, item_id)
);

-- The snapshot reads one storage's items newest first.
CREATE INDEX storage_item_order ON storage_item (channel, id);
