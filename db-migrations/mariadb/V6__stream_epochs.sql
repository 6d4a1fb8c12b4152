-- MariaDB version of ../V6__stream_epochs.sql.
ALTER TABLE change_stream ADD COLUMN epoch VARCHAR(32);
