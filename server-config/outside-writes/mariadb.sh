#!/bin/sh
# Changes made by other applications, delivered live (MariaDB; docs/databases.md "Changes made by other
# applications"). Not a Flyway migration: prints the SQL for one table, which a DBA reads and pipes into the
# mariadb client, connected to the WAR's database:
#
#   server-config/outside-writes/mariadb.sh | mariadb -h db -u liveupdate -p liveupdate
#   server-config/outside-writes/mariadb.sh --table company_bookings --columns id=booking_no,calendar=room,... | mariadb ...
#   server-config/outside-writes/mariadb.sh --table company_bookings --columns ... --custom-columns colour,attendees | mariadb ...
#   server-config/outside-writes/mariadb.sh --remove --table company_bookings | mariadb ...
#
# --table T            the table the calendars live in (default scheduler_event)
# --calendar NAME      the one calendar whose outside changes are numbered, or '*' for every one (default)
# --columns a=c,...    the table's column for each attribute of the event whose column differs from scheduler_event's
#                      (the attribute names of server-config/company-table/orm.xml, e.g. startDate=starts_at)
# --custom-columns f,...  the custom fields kept in columns of their own (orm.xml's access="VIRTUAL" attributes):
#                      a field's name, or field=column when the column is named otherwise (colour,attendees=heads);
#                      they join the event's customFields over the JSON column's fields of that name, a NULL column
#                      leaving the field out, as the WAR loads them (a BOOLEAN, MariaDB's TINYINT(1), arrives as 1 or
#                      0 there, where the WAR sends true or false)
# --max-entries N, --max-age-minutes M
#                      how much of the log to keep, as the WAR's liveupdate.changelog.max-entries and max-age-minutes
#                      (default 10000 and 1440): trimmed on every 100th number, as the WAR does
# --remove             prints what takes the table's triggers and procedure out again instead
#
# Why a generator: a MariaDB trigger takes no parameters, cannot read a row by column names held in a variable,
# and cannot be created by a prepared statement; so the column names and parameters are written into its text.
# What it installs: liveupdate_log_<T>, a procedure doing what persistence.ChangeLog.append does on MariaDB (the
# same INSERT ... ON DUPLICATE KEY UPDATE on change_stream, whose row lock held to the commit keeps numbers in commit
# order without a gap; the same change_log row; trimming), and three AFTER ... FOR EACH ROW triggers,
# liveupdate_insert_<T>, liveupdate_update_<T>, liveupdate_delete_<T>, that call it with the row as the JSON
# calendar.ChangeRecords reads. They skip the WAR's own writes: every transaction of the WAR's sets
# @liveupdate_writer = 'war' on its connection before it writes a row (persistence.ChangeLog.markWritesAsTheWars).
# Running it again replaces all four with the new parameters.
set -eu

table=scheduler_event
calendar='*'
columns=''
custom_columns=''
max_entries=10000
max_age_minutes=1440
remove=false
while [ $# -gt 0 ]; do
  case "$1" in
    --table) table=$2; shift 2 ;;
    --calendar) calendar=$2; shift 2 ;;
    --columns) columns=$2; shift 2 ;;
    --custom-columns) custom_columns=$2; shift 2 ;;
    --max-entries) max_entries=$2; shift 2 ;;
    --max-age-minutes) max_age_minutes=$2; shift 2 ;;
    --remove) remove=true; shift ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done

fail() { echo "$0: $*" >&2; exit 2; }
# Names go into the SQL text as they are: only plain identifiers, so nothing can be injected through them.
plain_name() { printf '%s' "$1" | grep -Eq '^[A-Za-z_][A-Za-z0-9_$]{0,63}$' || fail "not a plain table or column name: $1"; }
plain_name "$table"
[ ${#table} -le 47 ] || fail "table name longer than 47 characters: the trigger names would pass MariaDB's 64"
for number in "$max_entries" "$max_age_minutes"; do
  printf '%s' "$number" | grep -Eq '^[0-9]+$' || fail "--max-entries and --max-age-minutes take whole numbers, not '$number'"
done

# A misspelt attribute would leave its column at scheduler_event's name: refuse it instead. (A column the table lacks
# stops the script at its CREATE TRIGGER, "Unknown column ... in 'NEW'"; --remove then clears what went in before.)
attributes=" id calendar startDate endDate text rrule duration recurringEventId originalStart deleted recType eventPid eventLength customFields version "
for pair in $(printf '%s' "$columns" | tr ',' ' '); do
  case "$attributes" in
    *" ${pair%%=*} "*) plain_name "${pair#*=}" ;;
    *) fail "--columns names no attribute of the event: ${pair%%=*} (one of:$attributes)" ;;
  esac
done

# A custom field's name becomes a JSON key in the SQL text: plain names only, as for columns.
for pair in $(printf '%s' "$custom_columns" | tr ',' ' '); do
  plain_name "${pair%%=*}"
  plain_name "${pair#*=}"
done

# The column of an event attribute: the one --columns names (checked above), else scheduler_event's.
column() {
  mapped=$(printf '%s\n' "$columns" | tr ',' '\n' | sed -n "s/^$1=\(.*\)$/\1/p" | tail -n 1)
  printf '`%s`' "${mapped:-$2}"
}

# A text value in one collation for all: JSON_OBJECT refuses values of two (a JSON column is utf8mb4_bin, the
# WAR's text columns utf8mb4_nopad_bin, a company's table may have others).
text() { printf 'CONVERT(%s USING utf8mb4) COLLATE utf8mb4_bin' "$1"; }

# JSON_OBJECT('field', row.`column`), ... one per custom column: one value each, so text columns of different
# collations never meet in one JSON_OBJECT (which refuses that).
custom_fields_json() {
  r=$1
  objects=''
  for pair in $(printf '%s' "$custom_columns" | tr ',' ' '); do
    objects="$objects, JSON_OBJECT('${pair%%=*}', $r.\`${pair#*=}\`)"
  done
  printf '%s' "$objects"
}

# The event's custom fields: the JSON or text column holding an object, and over it the custom columns (MERGE_PATCH:
# a column's value replaces the JSON's field of its name, a NULL removes it).
custom_fields() {
  r=$1
  stored="JSON_EXTRACT(COALESCE(NULLIF($(text $r.$(column customFields custom_fields)), ''), '{}'), '\$')"
  if [ -z "$custom_columns" ]; then
    printf '%s' "$stored"
  else
    printf 'JSON_MERGE_PATCH(%s%s)' "$stored" "$(custom_fields_json "$r")"
  fi
}

# The event as calendar.ChangeRecords.toJson writes it, from the row OLD or NEW.
event_json() {
  r=$1
  cat <<SQL
JSON_OBJECT(
      'id', $r.$(column id id),
      'calendar', $(text $r.$(column calendar calendar)),
      'startDate', DATE_FORMAT($r.$(column startDate start_date), '%Y-%m-%dT%H:%i:%s.%f'),
      'endDate', DATE_FORMAT($r.$(column endDate end_date), '%Y-%m-%dT%H:%i:%s.%f'),
      'text', $(text $r.$(column text text)),
      'rrule', $(text $r.$(column rrule rrule)),
      'duration', $r.$(column duration duration),
      'recurringEventId', $r.$(column recurringEventId recurring_event_id),
      'originalStart', DATE_FORMAT($r.$(column originalStart original_start), '%Y-%m-%dT%H:%i:%s.%f'),
      'deleted', JSON_EXTRACT(IF(COALESCE($r.$(column deleted deleted), FALSE), 'true', 'false'), '\$'),
      'recType', $(text $r.$(column recType rec_type)),
      'eventPid', $r.$(column eventPid event_pid),
      'eventLength', $r.$(column eventLength event_length),
      -- a JSON or text column holding an object, kept as that object; the custom columns over it
      'customFields', $(custom_fields $r),
      'version', COALESCE($r.$(column version version), 1))
SQL
}

calendar_column=$(column calendar calendar)
log="\`liveupdate_log_$table\`"

echo "-- Generated by server-config/outside-writes/mariadb.sh for table $table"
if [ "$remove" = true ]; then
  # changes already numbered stay in the change log
  echo "DROP TRIGGER IF EXISTS \`liveupdate_insert_$table\`;"
  echo "DROP TRIGGER IF EXISTS \`liveupdate_update_$table\`;"
  echo "DROP TRIGGER IF EXISTS \`liveupdate_delete_$table\`;"
  echo "DROP PROCEDURE IF EXISTS $log;"
  exit 0
fi

# a calendar name as an SQL string: quotes and backslashes doubled
calendar_literal="'$(printf '%s' "$calendar" | sed "s/\\\\/\\\\\\\\/g; s/'/''/g")'"

cat <<SQL
DELIMITER ;;

-- persistence.ChangeLog.append on MariaDB, in SQL, for the calendars this table's triggers number.
CREATE OR REPLACE PROCEDURE $log(calendar VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin, kind VARCHAR(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    row_json LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin)
MODIFIES SQL DATA
BEGIN
  DECLARE stream_name VARCHAR(264) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin DEFAULT CONCAT('calendar:', calendar);
  DECLARE next_seq BIGINT;
  IF $calendar_literal = '*' OR calendar = $calendar_literal THEN
    -- the WAR's statement: the row's exclusive lock, held to the commit, orders this calendar's numbers
    INSERT INTO change_stream (stream, last_seq, epoch) VALUES (stream_name, 1, LEFT(MD5(CONCAT(RAND(), UUID())), 12))
      ON DUPLICATE KEY UPDATE last_seq = last_seq + 1, epoch = COALESCE(epoch, VALUES(epoch));
    SELECT last_seq INTO next_seq FROM change_stream WHERE stream = stream_name FOR UPDATE;
    INSERT INTO change_log (stream, seq, payload, committed_at)
      VALUES (stream_name, next_seq, JSON_OBJECT('kind', kind, 'event', JSON_EXTRACT(row_json, '\$'), 'token', UUID()), NOW(6));
    -- trimmed on every 100th number, as the WAR trims: a calendar only other applications write stays trimmed too
    IF next_seq % 100 = 0 THEN
      DELETE FROM change_log WHERE stream = stream_name
        AND (seq <= next_seq - $max_entries OR (committed_at < NOW(6) - INTERVAL $max_age_minutes MINUTE AND seq < next_seq));
    END IF;
  END IF;
END;;

-- The WAR's transactions set @liveupdate_writer = 'war' before their first row write: it numbers those rows itself.
CREATE OR REPLACE TRIGGER \`liveupdate_insert_$table\` AFTER INSERT ON \`$table\` FOR EACH ROW
BEGIN
  IF COALESCE(@liveupdate_writer, '') <> 'war' THEN
    CALL $log(NEW.$calendar_column, 'INSERTED', $(event_json NEW));
  END IF;
END;;

CREATE OR REPLACE TRIGGER \`liveupdate_update_$table\` AFTER UPDATE ON \`$table\` FOR EACH ROW
BEGIN
  IF COALESCE(@liveupdate_writer, '') <> 'war' THEN
    IF BINARY OLD.$calendar_column <> BINARY NEW.$calendar_column THEN
      -- moved to another calendar: gone from the one, new in the other
      CALL $log(OLD.$calendar_column, 'DELETED', $(event_json OLD));
      CALL $log(NEW.$calendar_column, 'INSERTED', $(event_json NEW));
    ELSE
      CALL $log(NEW.$calendar_column, 'UPDATED', $(event_json NEW));
    END IF;
  END IF;
END;;

CREATE OR REPLACE TRIGGER \`liveupdate_delete_$table\` AFTER DELETE ON \`$table\` FOR EACH ROW
BEGIN
  IF COALESCE(@liveupdate_writer, '') <> 'war' THEN
    CALL $log(OLD.$calendar_column, 'DELETED', $(event_json OLD));
  END IF;
END;;
DELIMITER ;
SQL
