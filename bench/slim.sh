#!/usr/bin/env bash
# The slim WildFly (`mvn -Pslim`, Galleon layers only) against the full distribution, with the same WAR, the same
# server-config scripts and the same JVM options: disk, time until the application answers, and resident memory
# after start and after some saves. One server at a time, each from a copy of its standalone/ directory with the WAR
# in deployments/ (context root /, from jboss-web.xml), port offset 1000 (HTTP 9080), on a PostgreSQL database of its own (lu_slim_bench, created and dropped here).
#
#   bench/slim.sh [saves]      (default 200 saves; needs both servers prepared by the build, e.g.
#                               mvn verify -Dit.test=MetricsIT ... and mvn -Pslim verify -Dit.test=MetricsIT ...)
#
# Prints one Markdown table row per server. Wrap it in the machine's locks like any server start.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SAVES=${1:-200}
VERSION=$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' pom.xml)
WAR="$ROOT/target/live-update.war"
DB=lu_slim_bench
PG="-h 127.0.0.1 -U postgres"
OFFSET=1000
BASE_URL="http://127.0.0.1:$((8080 + OFFSET))"
WORK="$ROOT/bench/target/slim"
PID=""

cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  psql $PG -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
}
trap cleanup EXIT

[ -f "$WAR" ] || { echo "no $WAR: run mvn package first" >&2; exit 2; }

# The java process of the server started by standalone.sh (its child), for /proc.
server_java() {
  pgrep -P "$1" java || echo "$1"
}

rss_mib() {
  awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$(server_java "$PID")/status"
}

measure() {
  local name=$1 home=$2
  [ -d "$home" ] || { echo "no $home" >&2; exit 2; }
  psql $PG -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
  rm -rf "$WORK/$name" && mkdir -p "$WORK/$name"
  cp -r "$home/standalone" "$WORK/$name/base"
  rm -rf "$WORK/$name/base/"{data,log,tmp} "$WORK/$name/base/deployments/"*
  cp "$WAR" "$WORK/$name/base/deployments/live-update.war"
  local disk
  disk=$(du -sm --exclude=standalone/data --exclude=standalone/log --exclude=standalone/tmp "$home" | cut -f1)

  local started=$(date +%s%N)
  LAUNCH_JBOSS_IN_BACKGROUND=1 "$home/bin/standalone.sh" -Djboss.server.base.dir="$WORK/$name/base" -Djboss.socket.binding.port-offset=$OFFSET \
    -Dliveupdate.db.url="jdbc:postgresql://127.0.0.1:5432/$DB" > "$WORK/$name/console.log" 2>&1 &
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/api/events")" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { echo "$name exited; see $WORK/$name/console.log" >&2; exit 1; }
    [ $(( ($(date +%s%N) - started) / 1000000000 )) -lt 180 ] || { echo "$name: no /api/events after 180 s; see $WORK/$name/console.log" >&2; exit 1; }
    sleep 0.2
  done
  local ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  local boot_ms
  boot_ms=$(sed -n 's/.*WFLYSRV0025: .* started in \([0-9]*\)ms.*/\1/p' "$WORK/$name/console.log" | head -1)
  curl -s "$BASE_URL/" | grep -q 'id="scheduler_here"' || { echo "$name: no demo page" >&2; exit 1; }
  sleep 5 # let the deployment settle (timers, first GC) before reading memory: the same for both
  local rss_start
  rss_start=$(rss_mib)

  for i in $(seq 1 "$SAVES"); do
    curl -s -o /dev/null -H 'Content-Type: application/json' -H 'X-Requested-With: XMLHttpRequest' \
      -d "{\"start_date\":\"2025-06-01 09:00\",\"end_date\":\"2025-06-01 10:00\",\"text\":\"slim $i\"}" \
      "$BASE_URL/api/calendars/slim/events"
  done
  local stored
  stored=$(psql $PG -d $DB -tA -c "SELECT count(*) FROM scheduler_event WHERE calendar = 'slim'")
  local rss_saves
  rss_saves=$(rss_mib)
  local modules
  modules=$(find "$home/modules" -name module.xml | wc -l)
  echo "| $name | $disk MiB | $modules | $boot_ms ms | $ready_ms ms | $rss_start MiB | $rss_saves MiB ($stored saves stored) |"

  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}

echo "| server | disk (server dir) | modules | WildFly boot | until /api/events answers | RSS after start | RSS after $SAVES saves |"
echo "|---|---|---|---|---|---|---|"
measure full "$ROOT/target/wildfly-$VERSION"
measure slim "$ROOT/target/wildfly-slim"
