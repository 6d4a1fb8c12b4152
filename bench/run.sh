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
# What this shares with bench/cluster.sh (the two-node benchmark: building, preparing WildFly, starting and stopping
# nodes, the database, cleaning up) is in bench/lib.sh.
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

# shellcheck source=bench/lib.sh
. bench/lib.sh
OFFSET=700
OURS_URL="http://127.0.0.1:$((8080 + OFFSET))/sync"
FAYE_PORT=18790
FAYE_URL="http://127.0.0.1:$FAYE_PORT/faye"
# Under bench/target, so that a `mvn clean` of the project does not take the figures with it.
RUN_DIR="$ROOT/bench/target/runs/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN_DIR"

# 20,000 sessions need 21,000 descriptors; where the hard limit is lower, the idle run holds as many as fit.
raise_descriptor_limit
FDS=$(ulimit -n)
IDLE_FIT=$(( FDS >= 21000 ? 20000 : (FDS - 1000) / 1000 * 1000 ))

if [ "$QUICK" = 1 ]; then
  # Fewer sessions too: connecting thousands of sessions takes longer than measuring them.
  WARMUP=2; DURATION=5; IDLE_MAX=2000; N1000=500; N5000=2000
else
  WARMUP=4; DURATION=15; IDLE_MAX=$IDLE_FIT; N1000=1000; N5000=5000
fi
COMMON=(--warmup "$WARMUP" --duration "$DURATION")

trap bench_cleanup EXIT
trap 'exit 130' INT TERM

build "$BUILD"
[ -d src/test/node/node_modules/faye ] || (cd src/test/node && npm ci --no-audit --no-fund >/dev/null)

# The scenarios of the issue's table; the same for both servers, plus the ones only ours can run.
scenarios() {
  local label=$1 pid=$2 url=$3
  scenario "$label" "$pid" ws-100x200 fanout --url "$url" --subscribers 100 --rate 200 "${COMMON[@]}"
  scenario "$label" "$pid" "ws-${N1000}x20" fanout --url "$url" --subscribers "$N1000" --rate 20 "${COMMON[@]}"
  scenario "$label" "$pid" "ws-${N5000}x4" fanout --url "$url" --subscribers "$N5000" --rate 4 "${COMMON[@]}"
  scenario "$label" "$pid" ws-100-max fanout --url "$url" --subscribers 100 "${COMMON[@]}"
  scenario "$label" "$pid" "lp-${N1000}x10" fanout --url "$url" --transport long-polling --subscribers "$N1000" --rate 10 "${COMMON[@]}"
  scenario "$label" "$pid" "idle-$N5000" idle --url "$url" --subscribers "$N5000"
}

run_ours() {
  prepare_wildfly server-config/wildfly-postgres.cli server-config/wildfly-ops.cli server-config/wildfly-security.cli \
    server-config/wildfly-tuning.cli
  cp "$WAR" "$SERVER/standalone/deployments/live-update.war"
  fresh_database
  start_node wildfly "$SERVER/standalone" "$OFFSET"
  local pid; pid=$(node_pid wildfly)
  [ "$JFR" = 1 ] && jcmd "$pid" JFR.start name=bench settings=profile filename="$RUN_DIR/ours.jfr" >/dev/null

  scenarios ours "$pid" "$OURS_URL"
  [ "$IDLE_MAX" != "$N5000" ] && scenario ours "$pid" "idle-$IDLE_MAX" idle --url "$OURS_URL" --subscribers "$IDLE_MAX"
  scenario ours "$pid" "save-${N1000}x50" save --url "$OURS_URL" --subscribers "$N1000" --rate 50 "${COMMON[@]}"
  scenario ours "$pid" "save-remote-${N1000}x50" save --url "$OURS_URL" --via remote --subscribers "$N1000" --rate 50 "${COMMON[@]}"

  [ "$JFR" = 1 ] && jcmd "$pid" JFR.stop name=bench >/dev/null
  stop_node wildfly
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
  machine
  echo "run: $([ "$QUICK" = 1 ] && echo quick || echo full), warm-up ${WARMUP}s, measured ${DURATION}s per scenario; figures in $RUN_DIR"
  echo
  java -jar "$JAR" compare "$RUN_DIR/ours.jsonl" "$RUN_DIR/faye.jsonl"
} | tee "$RUN_DIR/summary.md"
