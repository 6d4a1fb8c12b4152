-- Every committed change, numbered per stream (a calendar name, or a storage channel), so a client that was away
-- can be sent what it missed, in order (see persistence.ChangeLog). Written in the transaction of the change.
-- ${text_type} is text on PostgreSQL, varchar on the embedded H2 default (see persistence.SchemaMigrator).

-- The last number given out per stream. Bumping it locks the row until the change commits, so numbers are
-- given out in commit order, with no gaps.
CREATE TABLE change_stream (
    stream   VARCHAR(264) NOT NULL PRIMARY KEY,
    last_seq BIGINT       NOT NULL
);

-- The changes themselves, as the publisher needs them to replay one; trimmed by age and count.
CREATE TABLE change_log (
    stream       VARCHAR(264) NOT NULL,
    seq          BIGINT       NOT NULL,
    payload      ${text_type} NOT NULL,
    committed_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (stream, seq)
);

CREATE INDEX change_log_age ON change_log (committed_at);
