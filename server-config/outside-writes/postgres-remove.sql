-- Takes out what server-config/outside-writes/postgres.sql installed on one table; the functions go too once no
-- table's trigger uses them. Changes already numbered stay in the change log.
--
--   psql -v table=scheduler_event -f server-config/outside-writes/postgres-remove.sql <database>

\set ON_ERROR_STOP on
\if :{?table}
\else
  \set table scheduler_event
\endif

BEGIN;
DROP TRIGGER IF EXISTS liveupdate_outside_writes ON :"table";
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = 'liveupdate_outside_write') THEN
    DROP FUNCTION IF EXISTS liveupdate_outside_write();
    DROP FUNCTION IF EXISTS liveupdate_log_if(text, bigint, interval, text, jsonb);
    DROP FUNCTION IF EXISTS liveupdate_log_change(text, text, jsonb, bigint, interval);
    DROP FUNCTION IF EXISTS liveupdate_event_json(jsonb, jsonb);
  END IF;
END
$$;
COMMIT;
