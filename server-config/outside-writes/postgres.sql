-- Changes made by other applications, delivered live (PostgreSQL; docs/databases.md "Changes made by other
-- applications"). Not a Flyway migration: a DBA runs it by hand, connected as the WAR's login (the functions find
-- change_stream and change_log on that login's search_path, fixed when they are created):
--
--   psql -v table=scheduler_event -f server-config/outside-writes/postgres.sql <database>
--   psql -v table=company_bookings -v columns='{"id":"booking_no","calendar":"room",...}' -f ... <database>
--   psql -v table=company_bookings -v columns='{...}' -v custom_columns='["colour","attendees"]' -f ... <database>
--
-- table    the table the calendars live in (default scheduler_event); one name, quoted as given (for a table in
--          another schema, put that schema on the login's search_path)
-- calendar the one calendar whose outside changes are numbered, or '*' for every calendar of the table (default)
-- columns  a JSON object naming the table's column for each attribute of the event whose column name differs from
--          scheduler_event's (the attribute names of server-config/company-table/orm.xml); default '{}'
-- custom_columns  the custom fields kept in columns of their own (orm.xml's access="VIRTUAL" attributes): a JSON
--          array of names when each column has its field's name ('["colour","attendees"]'), or an object naming the
--          column of each field ('{"colour":"colour_code"}'); they join the event's customFields, over the JSON
--          column's fields of the same name (a NULL column leaves the field out, as the WAR loads it); default '[]'
-- max_entries, max_age_minutes  how much of the log to keep, as the WAR's liveupdate.changelog.max-entries and
--          max-age-minutes (default 10000 and 1440, the WAR's defaults): trimmed on every 100th number, as the WAR does
--
-- Every INSERT, UPDATE and DELETE on the table by any other client is numbered in the calendar's change log stream
-- (calendar:<name>) exactly as persistence.ChangeLog numbers the WAR's own saves: the same row lock on change_stream,
-- the same change_log row (the JSON calendar.ChangeRecords reads), the doorbell rung in the same transaction. The
-- trigger is deferred to the commit, so it sees whether the WAR marked the transaction as its own
-- (liveupdate.writer = 'war', set by ChangeLog.append) whatever the order of the row write and that mark.
-- Run it again to change the parameters; server-config/outside-writes/postgres-remove.sql takes it out.

\set ON_ERROR_STOP on
\if :{?table}
\else
  \set table scheduler_event
\endif
\if :{?calendar}
\else
  \set calendar '*'
\endif
\if :{?columns}
\else
  \set columns '{}'
\endif
\if :{?custom_columns}
\else
  \set custom_columns '[]'
\endif
\if :{?max_entries}
\else
  \set max_entries 10000
\endif
\if :{?max_age_minutes}
\else
  \set max_age_minutes 1440
\endif

-- The custom columns travel to the trigger inside its column names, under a key no attribute has ("customColumns"),
-- as an object field -> column; checked here, before anything is installed.
SELECT set_config('liveupdate.custom_columns', :'custom_columns', false) AS custom_columns_given \gset
DO $check$
BEGIN
  IF jsonb_typeof(current_setting('liveupdate.custom_columns')::jsonb) NOT IN ('array', 'object') THEN
    RAISE EXCEPTION 'custom_columns must be a JSON array of names or an object naming each field''s column, not %',
      current_setting('liveupdate.custom_columns');
  END IF;
END
$check$;
SELECT (:'columns'::jsonb || jsonb_build_object('customColumns', CASE jsonb_typeof(:'custom_columns'::jsonb)
          WHEN 'array' THEN COALESCE((SELECT jsonb_object_agg(name, name) FROM jsonb_array_elements_text(:'custom_columns'::jsonb) name), '{}')
          ELSE :'custom_columns'::jsonb
        END))::text AS trigger_columns \gset

BEGIN;

-- The event as calendar.ChangeRecords.toJson writes it, from a row of the table (as jsonb) and the column names.
CREATE OR REPLACE FUNCTION liveupdate_event_json(r jsonb, columns jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT jsonb_build_object(
    'id',               r -> COALESCE(columns ->> 'id', 'id'),
    'calendar',         r -> COALESCE(columns ->> 'calendar', 'calendar'),
    'startDate',        r -> COALESCE(columns ->> 'startDate', 'start_date'),
    'endDate',          r -> COALESCE(columns ->> 'endDate', 'end_date'),
    'text',             r -> COALESCE(columns ->> 'text', 'text'),
    'rrule',            r -> COALESCE(columns ->> 'rrule', 'rrule'),
    'duration',         r -> COALESCE(columns ->> 'duration', 'duration'),
    'recurringEventId', r -> COALESCE(columns ->> 'recurringEventId', 'recurring_event_id'),
    'originalStart',    r -> COALESCE(columns ->> 'originalStart', 'original_start'),
    'deleted',          COALESCE((r ->> COALESCE(columns ->> 'deleted', 'deleted'))::boolean, false),
    'recType',          r -> COALESCE(columns ->> 'recType', 'rec_type'),
    'eventPid',         r -> COALESCE(columns ->> 'eventPid', 'event_pid'),
    'eventLength',      r -> COALESCE(columns ->> 'eventLength', 'event_length'),
    -- a JSON column arrives as an object, a text column as the text of one
    -- custom fields in columns of their own (customColumns) win over the JSON column's of their name; a NULL one is
    -- left out, as the WAR loads them
    'customFields',     (CASE jsonb_typeof(r -> COALESCE(columns ->> 'customFields', 'custom_fields'))
                          WHEN 'object' THEN r -> COALESCE(columns ->> 'customFields', 'custom_fields')
                          WHEN 'string' THEN (r ->> COALESCE(columns ->> 'customFields', 'custom_fields'))::jsonb
                          ELSE '{}'::jsonb END
                         - ARRAY(SELECT jsonb_object_keys(COALESCE(columns -> 'customColumns', '{}'))))
                        || COALESCE((SELECT jsonb_object_agg(custom.key, r -> custom.value)
                                     FROM jsonb_each_text(columns -> 'customColumns') custom
                                     WHERE jsonb_typeof(r -> custom.value) <> 'null'), '{}'::jsonb),
    'version',          COALESCE((r ->> COALESCE(columns ->> 'version', 'version'))::bigint, 1))
$fn$;

-- persistence.ChangeLog.append in SQL: bump the stream's counter (its row stays locked to the commit, so numbers
-- follow commit order with no gap, WAR saves and outside writes alike), log the change, trim on every 100th number
-- (a calendar only other applications write is trimmed too), ring the doorbell.
CREATE OR REPLACE FUNCTION liveupdate_log_change(stream_name text, kind text, event jsonb, max_entries bigint,
                                                 max_age interval) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
DECLARE
  new_epoch text := substr(md5(random()::text || clock_timestamp()::text), 1, 12);
  number bigint;
  stream_epoch text;
BEGIN
  UPDATE change_stream SET last_seq = last_seq + 1, epoch = COALESCE(epoch, new_epoch) WHERE stream = stream_name
    RETURNING last_seq, epoch INTO number, stream_epoch;
  IF NOT FOUND THEN
    INSERT INTO change_stream (stream, last_seq, epoch) VALUES (stream_name, 0, new_epoch) ON CONFLICT (stream) DO NOTHING;
    UPDATE change_stream SET last_seq = last_seq + 1, epoch = COALESCE(epoch, new_epoch) WHERE stream = stream_name
      RETURNING last_seq, epoch INTO number, stream_epoch;
  END IF;
  INSERT INTO change_log (stream, seq, payload, committed_at)
    VALUES (stream_name, number, jsonb_build_object('kind', kind, 'event', event, 'token', gen_random_uuid()::text)::text,
            localtimestamp);
  IF number % 100 = 0 THEN
    DELETE FROM change_log WHERE stream = stream_name
      AND (seq <= number - max_entries OR (committed_at < localtimestamp - max_age AND seq < number));
  END IF;
  PERFORM pg_notify('liveupdate_changes', number || ':' || stream_epoch || ' ' || stream_name);
END
$fn$;

-- The row trigger: TG_ARGV[0] the calendar ('*' every one), TG_ARGV[1] the column names, TG_ARGV[2] and [3] how
-- much of the log to keep (entries, minutes).
CREATE OR REPLACE FUNCTION liveupdate_outside_write() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
DECLARE
  only_calendar text := TG_ARGV[0];
  columns jsonb := COALESCE(NULLIF(TG_ARGV[1], ''), '{}')::jsonb;
  keep bigint := TG_ARGV[2]::bigint;
  age interval := make_interval(mins => TG_ARGV[3]::int);
  before jsonb;
  after jsonb;
BEGIN
  IF current_setting('liveupdate.writer', true) = 'war' THEN
    RETURN NULL; -- the WAR numbered it already
  END IF;
  IF TG_OP <> 'INSERT' THEN before := liveupdate_event_json(to_jsonb(OLD), columns); END IF;
  IF TG_OP <> 'DELETE' THEN after := liveupdate_event_json(to_jsonb(NEW), columns); END IF;
  IF before IS NOT NULL AND after IS NOT NULL AND before -> 'calendar' <> after -> 'calendar' THEN
    -- moved to another calendar: gone from the one, new in the other
    PERFORM liveupdate_log_if(only_calendar, keep, age, 'DELETED', before);
    PERFORM liveupdate_log_if(only_calendar, keep, age, 'INSERTED', after);
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM liveupdate_log_if(only_calendar, keep, age, 'INSERTED', after);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM liveupdate_log_if(only_calendar, keep, age, 'UPDATED', after);
  ELSE
    PERFORM liveupdate_log_if(only_calendar, keep, age, 'DELETED', before);
  END IF;
  RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION liveupdate_log_if(only_calendar text, keep bigint, age interval, kind text, event jsonb)
RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
BEGIN
  IF only_calendar = '*' OR only_calendar = event ->> 'calendar' THEN
    PERFORM liveupdate_log_change('calendar:' || (event ->> 'calendar'), kind, event, keep, age);
  END IF;
END
$fn$;

-- Deferred to the commit: by then the WAR's transaction has set liveupdate.writer, whenever it wrote the row.
DROP TRIGGER IF EXISTS liveupdate_outside_writes ON :"table";
CREATE CONSTRAINT TRIGGER liveupdate_outside_writes
  AFTER INSERT OR UPDATE OR DELETE ON :"table"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION liveupdate_outside_write(:'calendar', :'trigger_columns', :'max_entries', :'max_age_minutes');

COMMIT;
