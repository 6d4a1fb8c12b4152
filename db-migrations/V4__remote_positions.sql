-- Where each RemoteEvents page stood when its connection last ended or last moved (live.remote.SharedPositions):
-- the number up to which it had been sent every change of the calendar. Shared by all nodes, so a page whose next
-- connection lands on another node (its node died, the balancer sent it elsewhere) is sent exactly what it missed.
-- A page is its handshake key, which is a credential: only its SHA-256 is stored, never the key.
-- Written every couple of seconds and when a connection ends; trimmed by age, as the change log is.
CREATE TABLE remote_position (
    page       VARCHAR(64)  NOT NULL,
    calendar   VARCHAR(64)  NOT NULL,
    position   BIGINT       NOT NULL,
    updated_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (page, calendar)
);

CREATE INDEX remote_position_age ON remote_position (updated_at);
