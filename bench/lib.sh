# What bench/run.sh and bench/cluster.sh share: building, a fresh WildFly prepared like the build's, starting and
# stopping its nodes by pid, the database. Sourced (not run) from the project root, after `set -euo pipefail`.
# A caller sets RUN_DIR (where logs go) and calls bench_cleanup from its EXIT trap.

ROOT=$(pwd)
DB=liveupdate_bench
PG="-h 127.0.0.1 -U postgres"
WILDFLY_VERSION=$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' pom.xml)
SERVER="$ROOT/bench/target/wildfly"
WAR="$ROOT/bench/target/war/live-update.war"
JAR="$ROOT/bench/target/live-update-bench.jar"

# Every bench client comes from 127.0.0.1, so the session limits (1,000 per address, 20,000 and 200,000 subscriptions
# in all by default) are lifted, and the per-session publish limit (1,000/s by default) too: it would cap the
# as-fast-as-possible publisher, and Faye has none. The RemoteEvents rows use the demo's token (liveupdate.demo).
BENCH_SERVER_PROPS=(-Dliveupdate.demo=true -Dliveupdate.db.url="jdbc:postgresql://127.0.0.1:5432/$DB"
  -Dliveupdate.security.max-sessions-per-address=10000000 -Dliveupdate.security.max-sessions=10000000
  -Dliveupdate.security.max-subscriptions=100000000 -Dliveupdate.security.publishes-per-second=100000000)

# The pid files of the nodes started (bench_cleanup stops them) and other processes started (by pid).
PIDFILES=()
STARTED=()

log() { echo "== $*" | tee -a "$RUN_DIR/log.txt"; }

# Thousands of sessions need as many descriptors on both sides, plus the server's own (~1,000 with WildFly's jars).
# Raise the limit as far as allowed.
raise_descriptor_limit() {
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
}

# build <yes|no>: the WAR into bench/target/war and the load generator; then checks that both are there.
build() {
  if [ "$1" = 1 ]; then
    log "building the WAR and the load generator"
    mvn -o -q package -DskipTests -Dwar.output.directory="$(dirname "$WAR")"
    (cd bench && mvn -o -q package)
  fi
  # --skip-build after `mvn clean verify` alone: that build's WAR is as good (after `mvn` it is a directory: not used).
  [ ! -f "$WAR" ] && [ -f target/live-update.war ] && WAR="$ROOT/target/live-update.war"
  local needed
  for needed in "$WAR" "$JAR" target/server-libs/postgresql.jar; do
    [ -f "$needed" ] || { echo "$needed is missing: run once without --skip-build" >&2; exit 2; }
  done
}

# prepare_wildfly <cli file>...: unpacks a WildFly afresh into $SERVER and applies the given server-config/*.cli.
# Unpacked rather than copied from target/: a copy would inherit whatever the start command or the tests configured
# there (wildfly:dev's deployment makes the copy refuse to boot: "Duplicate resource").
prepare_wildfly() {
  log "preparing $SERVER"
  rm -rf "$SERVER" "$SERVER-dist"
  mvn -o -q dependency:unpack -Dartifact="org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip" \
    -DoutputDirectory="$SERVER-dist" -Dmdep.overWriteReleases=true
  mv "$SERVER-dist/wildfly-$WILDFLY_VERSION" "$SERVER"
  rm -rf "$SERVER-dist"
  local cli
  for cli in "$@"; do
    "$SERVER/bin/jboss-cli.sh" --file="$cli" -Dpg.jar="$ROOT/target/server-libs/postgresql.jar" >>"$RUN_DIR/server-config.log" 2>&1
  done
}

fresh_database() {
  dropdb $PG --if-exists --force "$DB"
  createdb $PG "$DB"
}

# node_base <dir>: a server base directory of its own for one more node of the prepared WildFly (its configuration,
# the WAR in its deployments/). Not the prepared data/ and log/: data/kernel/process-uuid names one server.
node_base() {
  local base=$1
  rm -rf "$base"
  mkdir -p "$base/deployments"
  cp -a "$SERVER/standalone/configuration" "$base/configuration"
  rm -rf "$base/configuration/standalone_xml_history"
  cp "$WAR" "$base/deployments/live-update.war"
}

# start_node <name> <base dir> <port offset> [-Dname=value...]: boots a node of $SERVER with BENCH_SERVER_PROPS and
# the given properties, logging to $RUN_DIR/<name>.log, its pid in $RUN_DIR/<name>.pid; returns once the WAR answers.
start_node() {
  local name=$1 base=$2 offset=$3; shift 3
  local url="http://127.0.0.1:$((8080 + offset))"
  log "starting $name (HTTP $((8080 + offset)))"
  PIDFILES+=("$RUN_DIR/$name.pid")
  # LAUNCH_JBOSS_IN_BACKGROUND: standalone.sh passes a TERM on to the JVM and writes its pid.
  JBOSS_PIDFILE="$RUN_DIR/$name.pid" LAUNCH_JBOSS_IN_BACKGROUND=1 \
    "$SERVER/bin/standalone.sh" -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset="$offset" \
    -Djboss.node.name="$name" -Djboss.tx.node.id="$name" "${BENCH_SERVER_PROPS[@]}" "$@" >"$RUN_DIR/$name.log" 2>&1 &
  for _ in $(seq 1 180); do
    curl -sf "$url/api/events" >/dev/null 2>&1 && return 0
    sleep 1
  done
  log "the WAR did not deploy on $name; see $RUN_DIR/$name.log and $base/log/server.log"
  exit 1
}

node_pid() {
  cat "$RUN_DIR/$1.pid"
}

# stop_node <name>: TERM, then up to a minute for a clean shutdown, then KILL.
stop_node() {
  local pidfile="$RUN_DIR/$1.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

# scenario <label> <pid> <name> <kind> [options...]: one run of the load generator, its JSON line into <label>.jsonl.
scenario() {
  local label=$1 pid=$2 name=$3 kind=$4; shift 4
  log "$label: $name"
  java -Xmx3g -XX:+UseParallelGC -jar "$JAR" "$kind" --server-pid "$pid" --label "$label" --name "$name" \
    --json-out "$RUN_DIR/$label.jsonl" "$@" 2>&1 | tee -a "$RUN_DIR/log.txt" | grep -v '^JSON' || true
}

machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Whatever the script started is stopped, however it ends (by pid, nothing else), and its database dropped.
bench_cleanup() {
  set +e
  local pidfile pid
  for pidfile in "${PIDFILES[@]}"; do [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null; done
  for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null; done
  for pidfile in "${PIDFILES[@]}"; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null
  done
  dropdb $PG --if-exists --force "$DB" 2>/dev/null
}
