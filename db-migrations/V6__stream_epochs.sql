-- Each stream's epoch: a short random text given when its counter row is created (persistence.ChangeLog), sent with
-- every number (doorbell, ext.epoch). A database reset or restored from an older backup restarts or lowers the
-- numbers; a new epoch tells nodes and clients that the numbers they hold are from another history, instead of
-- letting them drop new changes as already delivered. Rows from before have none; the next change to their stream
-- gives them one, once (the counter row is locked then).
ALTER TABLE change_stream ADD COLUMN epoch VARCHAR(32);
