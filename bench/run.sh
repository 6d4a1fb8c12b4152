#!/usr/bin/env bash
# Benchmarks our server on WildFly and a stock Faye 1.4.3 server on this machine, one after the other, with the
# same load generator and the same scenarios, and prints our figures, Faye's and the ratios.
#
#   bench/run.sh            full run (~12 minutes on 2 cores)
#   bench/run.sh --quick    every scenario, short and with fewer sessions (~4 minutes), to check the tooling
#   options: --skip-build (reuse bench/target/war/live-update.war and the bench jar), --only ours|faye,
#            --jfr (record a JFR profile of our server during its run: bench/target/runs/<run>/ours.jfr)
#
# Our server: a fresh WildFly unpacked from the same distribution as the build's (bench/target/wildfly), prepared like
# the build's with server-config/wildfly-{postgres,ops,security}.cli, then wildfly-tuning.cli, port offset 700 (HTTP 8780,
# management 10690), on its own PostgreSQL database liveupdate_bench (created here, dropped at the end).
# Faye: bench/faye-server.js on port 18790. Server CPU and RSS are read from /proc by pid.
# Nothing here reads what `mvn` (wildfly:dev) or the tests leave in target/ (an exploded target/live-update.war, a
# deployment in target/wildfly-*'s configuration): the WAR and the server live under bench/target, so the documented
# commands run in any order on one checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

QUICK=0; BUILD=1; ONLY=""; JFR=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --skip-build) BUILD=0 ;;
    --only) ONLY="$2"; shift ;;
    --jfr) JFR=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

OFFSET=700
OURS_URL="http://127.0.0.1:$((8080 + OFFSET))/sync"
FAYE_PORT=18790
FAYE_URL="http://127.0.0.1:$FAYE_PORT/faye"
DB=liveupdate_bench
PG="-h 127.0.0.1 -U postgres"
WILDFLY_VERSION=39.0.1.Final
SERVER="$ROOT/bench/target/wildfly"
WAR="$ROOT/bench/target/war/live-update.war"
# Under bench/target, so that a `mvn clean` of the project does not take the figures with it.
RUN_DIR="$ROOT/bench/target/runs/$(date +%Y%m%d-%H%M%S)"
JAR="$ROOT/bench/target/live-update-bench.jar"
mkdir -p "$RUN_DIR"

# 20,000 sessions need as many descriptors on both sides, plus the server's own (~1,000 with WildFly's jars).
# Raise the limit as far as allowed; where the hard limit is lower, the idle run holds as many as fit.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
FDS=$(ulimit -n)
IDLE_FIT=$(( FDS >= 21000 ? 20000 : (FDS - 1000) / 1000 * 1000 ))

if [ "$QUICK" = 1 ]; then
  # Fewer sessions too: connecting thousands of sessions takes longer than measuring them.
  WARMUP=2; DURATION=5; IDLE_MAX=2000; N1000=500; N5000=2000
else
  WARMUP=4; DURATION=15; IDLE_MAX=$IDLE_FIT; N1000=1000; N5000=5000
fi
COMMON=(--warmup "$WARMUP" --duration "$DURATION")

# Whatever this script started is stopped when it ends, however it ends (by pid, nothing else).
STARTED=()
cleanup() {
  [ -f "$RUN_DIR/wildfly.pid" ] && STARTED+=("$(cat "$RUN_DIR/wildfly.pid")")
  for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null || true; done
  dropdb $PG --if-exists --force "$DB" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "== $*" | tee -a "$RUN_DIR/log.txt"; }

if [ "$BUILD" = 1 ]; then
  log "building the WAR and the load generator"
  mvn -o -q package -DskipTests -Dwar.output.directory="$(dirname "$WAR")"
  (cd bench && mvn -o -q package)
fi
# --skip-build after `mvn clean verify` alone: that build's WAR is as good (after `mvn` it is a directory: not used).
[ ! -f "$WAR" ] && [ -f target/live-update.war ] && WAR="$ROOT/target/live-update.war"
for needed in "$WAR" "$JAR" target/server-libs/postgresql.jar; do
  [ -f "$needed" ] || { echo "$needed is missing: run bench/run.sh without --skip-build once" >&2; exit 2; }
done
[ -d src/test/node/node_modules/faye ] || (cd src/test/node && npm ci --no-audit --no-fund >/dev/null)

# scenario <label> <pid> <url> <name> <kind> [options...]
scenario() {
  local label=$1 pid=$2 url=$3 name=$4 kind=$5; shift 5
  log "$label: $name"
  java -Xmx3g -XX:+UseParallelGC -jar "$JAR" "$kind" --url "$url" --server-pid "$pid" --label "$label" --name "$name" \
    --json-out "$RUN_DIR/$label.jsonl" "$@" 2>&1 | tee -a "$RUN_DIR/log.txt" | grep -v '^JSON' || true
}

# The scenarios of the issue's table; the same for both servers, plus the ones only ours can run.
scenarios() {
  local label=$1 pid=$2 url=$3
  scenario "$label" "$pid" "$url" ws-100x200 fanout --subscribers 100 --rate 200 "${COMMON[@]}"
  scenario "$label" "$pid" "$url" "ws-${N1000}x20" fanout --subscribers "$N1000" --rate 20 "${COMMON[@]}"
  scenario "$label" "$pid" "$url" "ws-${N5000}x4" fanout --subscribers "$N5000" --rate 4 "${COMMON[@]}"
  scenario "$label" "$pid" "$url" ws-100-max fanout --subscribers 100 "${COMMON[@]}"
  scenario "$label" "$pid" "$url" "lp-${N1000}x10" fanout --transport long-polling --subscribers "$N1000" --rate 10 "${COMMON[@]}"
  scenario "$label" "$pid" "$url" "idle-$N5000" idle --subscribers "$N5000"
}

run_ours() {
  log "preparing $SERVER"
  # Unpacked afresh each run rather than copied from target/: a copy would inherit whatever the start command or the
  # tests configured there (wildfly:dev's deployment makes the copy refuse to boot: "Duplicate resource").
  rm -rf "$SERVER" "$SERVER-dist"
  mvn -o -q dependency:unpack -Dartifact="org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip" \
    -DoutputDirectory="$SERVER-dist" -Dmdep.overWriteReleases=true
  mv "$SERVER-dist/wildfly-$WILDFLY_VERSION" "$SERVER"
  rm -rf "$SERVER-dist"
  for cli in server-config/wildfly-postgres.cli server-config/wildfly-ops.cli server-config/wildfly-security.cli \
             server-config/wildfly-tuning.cli; do
    "$SERVER/bin/jboss-cli.sh" --file="$cli" -Dpg.jar="$ROOT/target/server-libs/postgresql.jar" >>"$RUN_DIR/server-config.log" 2>&1
  done
  cp "$WAR" "$SERVER/standalone/deployments/live-update.war"
  dropdb $PG --if-exists --force "$DB"
  createdb $PG "$DB"

  log "starting WildFly (HTTP $((8080 + OFFSET)))"
  export JBOSS_PIDFILE="$RUN_DIR/wildfly.pid" LAUNCH_JBOSS_IN_BACKGROUND=1
  # The per-session publish limit (1,000/s by default) would cap the as-fast-as-possible publisher; Faye has none.
  # Every bench client comes from 127.0.0.1, so the session limits (1,000 per address, 20,000 and 200,000
  # subscriptions in all by default) are lifted too. The RemoteEvents rows use the demo's token (liveupdate.demo).
  "$SERVER/bin/standalone.sh" -Djboss.socket.binding.port-offset=$OFFSET -Dliveupdate.demo=true \
    -Dliveupdate.db.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
    -Dliveupdate.security.max-sessions-per-address=10000000 -Dliveupdate.security.max-sessions=10000000 \
    -Dliveupdate.security.max-subscriptions=100000000 \
    -Dliveupdate.security.publishes-per-second=100000000 >"$RUN_DIR/wildfly.log" 2>&1 &
  local script=$!
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$((8080 + OFFSET))/api/events" >/dev/null 2>&1 && break
    sleep 1
  done
  local pid; pid=$(cat "$JBOSS_PIDFILE")
  if ! curl -sf "http://127.0.0.1:$((8080 + OFFSET))/api/events" >/dev/null; then
    log "the WAR did not deploy; see $RUN_DIR/wildfly.log"; exit 1
  fi
  [ "$JFR" = 1 ] && jcmd "$pid" JFR.start name=bench settings=profile filename="$RUN_DIR/ours.jfr" >/dev/null

  scenarios ours "$pid" "$OURS_URL"
  [ "$IDLE_MAX" != "$N5000" ] && scenario ours "$pid" "$OURS_URL" "idle-$IDLE_MAX" idle --subscribers "$IDLE_MAX"
  scenario ours "$pid" "$OURS_URL" "save-${N1000}x50" save --subscribers "$N1000" --rate 50 "${COMMON[@]}"
  scenario ours "$pid" "$OURS_URL" "save-remote-${N1000}x50" save --via remote --subscribers "$N1000" --rate 50 "${COMMON[@]}"

  [ "$JFR" = 1 ] && jcmd "$pid" JFR.stop name=bench >/dev/null
  kill "$pid" 2>/dev/null || true; wait "$script" 2>/dev/null || true
  rm -f "$JBOSS_PIDFILE"
  dropdb $PG --if-exists --force "$DB"
}

run_faye() {
  log "starting Faye 1.4.3 (port $FAYE_PORT)"
  NODE_PATH="$ROOT/src/test/node/node_modules" node bench/faye-server.js "$FAYE_PORT" >"$RUN_DIR/faye.log" 2>&1 &
  local pid=$!
  STARTED+=("$pid")
  for _ in $(seq 1 30); do grep -q listening "$RUN_DIR/faye.log" && break; sleep 0.5; done
  scenarios faye "$pid" "$FAYE_URL"
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
}

[ "$ONLY" != faye ] && run_ours
[ "$ONLY" != ours ] && run_faye

{
  echo
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "run: $([ "$QUICK" = 1 ] && echo quick || echo full), warm-up ${WARMUP}s, measured ${DURATION}s per scenario; figures in $RUN_DIR"
  echo
  java -jar "$JAR" compare "$RUN_DIR/ours.jsonl" "$RUN_DIR/faye.jsonl"
} | tee "$RUN_DIR/summary.md"
