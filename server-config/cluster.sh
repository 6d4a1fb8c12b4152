#!/usr/bin/env bash
# Starts a two-node live-update cluster on this machine, on PostgreSQL, with haproxy in front (docs/cluster.md, "Several nodes"):
#
#   the balancer  http://127.0.0.1:8080   (haproxy, server-config/haproxy.cfg; its status page http://127.0.0.1:8404/)
#   node-1        http://127.0.0.1:8180   (WildFly, port offset 100, management 127.0.0.1:10090)
#   node-2        http://127.0.0.1:8280   (WildFly, port offset 200, management 127.0.0.1:10190)
#
# Ctrl+C (or SIGTERM) stops all three. Everything lives under target/cluster: the WAR, a WildFly unpacked afresh from the
# build's distribution and prepared with server-config/wildfly-{postgres,ops,security,cluster}.cli, one server base
# directory per node (their logs: target/cluster/node-N/log/server.log), haproxy's log. A `mvn clean` removes it.
#
#   server-config/cluster.sh              build the WAR, then start
#   server-config/cluster.sh --no-build   start with the WAR the last run built
#
# The database (created when missing, never dropped; the nodes' Flyway migrations create the schema):
#   DB_HOST (127.0.0.1), DB_PORT (5432), DB_NAME (liveupdate), DB_USER (postgres), DB_PASSWORD (postgres)
# NODE_JAVA_OPTS: each node's JVM options (default -Xms128m -Xmx512m).
# Needs haproxy (installed with apt-get when missing and run as root), psql and createdb (apt-get install postgresql-client), curl, Java 17, Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    *) echo "unknown option $1 (usage: server-config/cluster.sh [--no-build])" >&2; exit 2 ;;
  esac
  shift
done

DB_HOST=${DB_HOST:-127.0.0.1} DB_PORT=${DB_PORT:-5432} DB_NAME=${DB_NAME:-liveupdate}
DB_USER=${DB_USER:-postgres} DB_PASSWORD=${DB_PASSWORD:-postgres}
NODE_JAVA_OPTS=${NODE_JAVA_OPTS:--Xms128m -Xmx512m}
DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME"

DIR="$ROOT/target/cluster"
WAR="$DIR/war/live-update.war"
SERVER="$DIR/wildfly"
NODES=(node-1 node-2)
declare -A OFFSET=([node-1]=100 [node-2]=200)
BALANCER=http://127.0.0.1:8080

say() { echo "== $*"; }
fail() { echo "cluster.sh: $*" >&2; exit 1; }
http_port() { echo $((8080 + ${OFFSET[$1]})); }
node_url() { echo "http://127.0.0.1:$(http_port "$1")"; }

# haproxy comes from Debian's packages: installed here when missing and this user may (root, as on a fresh machine).
if ! command -v haproxy >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  say "installing haproxy (apt-get install haproxy)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy; } >/dev/null 2>&1 || true
fi
command -v haproxy >/dev/null || fail "haproxy is missing: apt-get install haproxy"
command -v psql >/dev/null && command -v createdb >/dev/null || fail "psql/createdb are missing: apt-get install postgresql-client"
command -v curl >/dev/null || fail "curl is missing: apt-get install curl"

# The balancer, both nodes' HTTP and management ports, haproxy's status page: all must be free, or a node would fail
# half-way through its boot (or, worse, the balancer would send clients to someone else's server).
for port in 8080 8180 8280 8404 10090 10190; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is in use (a running 'mvn', another cluster, the tests?): stop it first"
  fi
done

# Whatever this script started is stopped when it ends, however it ends: haproxy first (no new requests to a node
# going down), then the nodes, each by its own pid, given a minute to shut down cleanly before it is killed.
HAPROXY_PID=""
declare -A SCRIPT_PID=()
stop_all() {
  trap - EXIT INT TERM
  set +e
  [ -n "$HAPROXY_PID" ] && kill "$HAPROXY_PID" 2>/dev/null && wait "$HAPROXY_PID" 2>/dev/null
  local node pid
  for node in "${!SCRIPT_PID[@]}"; do
    pid=$(cat "$DIR/$node/pid" 2>/dev/null || true)
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && say "stopping $node"
  done
  for node in "${!SCRIPT_PID[@]}"; do
    pid=$(cat "$DIR/$node/pid" 2>/dev/null || true)
    for _ in $(seq 1 60); do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null && say "$node did not stop within 60 s: killed"
    wait "${SCRIPT_PID[$node]}" 2>/dev/null
  done
  say "stopped"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

if [ "$BUILD" = 1 ]; then
  say "building the WAR"
  # Into target/cluster/war, not target/: `mvn` (wildfly:dev) leaves target/live-update.war as a directory.
  mvn -B -ntp -q package -DskipTests -Dwar.output.directory="$DIR/war"
fi
[ -f "$WAR" ] || fail "$WAR is missing: run server-config/cluster.sh without --no-build once"
[ -f target/server-libs/postgresql.jar ] || fail "target/server-libs/postgresql.jar is missing: run without --no-build"

say "database $DB_NAME on $DB_HOST:$DB_PORT"
export PGPASSWORD="$DB_PASSWORD"
PG=(-h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER")
psql "${PG[@]}" -d postgres -Atc "SELECT 1" >/dev/null || fail "PostgreSQL does not answer at $DB_HOST:$DB_PORT as $DB_USER"
if [ "$(psql "${PG[@]}" -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
  createdb "${PG[@]}" "$DB_NAME"
  say "created database $DB_NAME"
fi

say "preparing WildFly in $SERVER"
# Unpacked afresh, as bench/run.sh does, rather than copied from target/wildfly-*: a copy would inherit what `mvn`
# (wildfly:dev) or the tests configured there, and a deployment it names makes the copy refuse to boot.
WILDFLY_VERSION=$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' pom.xml)
rm -rf "$SERVER" "$SERVER-dist" "${NODES[@]/#/$DIR/}"
mvn -B -ntp -q dependency:unpack -Dartifact="org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip" \
  -DoutputDirectory="$SERVER-dist" -Dmdep.overWriteReleases=true
mv "$SERVER-dist/wildfly-$WILDFLY_VERSION" "$SERVER"
rm -rf "$SERVER-dist"
for cli in wildfly-postgres wildfly-ops wildfly-security wildfly-cluster; do
  "$SERVER/bin/jboss-cli.sh" --file="server-config/$cli.cli" -Dpg.jar="$ROOT/target/server-libs/postgresql.jar" \
    >>"$DIR/server-config.log" 2>&1 || fail "server-config/$cli.cli failed: see $DIR/server-config.log"
done

# start_node <name>: a base directory of its own (the prepared configuration, the WAR in its deployments/), its port
# offset, node name and transaction node id; returns once its /api/health answers 200. Not the prepared data/ and
# log/: data/kernel/process-uuid names one server, and the log is the configuration run's.
start_node() {
  local node=$1 base="$DIR/$1"
  mkdir -p "$base/deployments"
  cp -a "$SERVER/standalone/configuration" "$base/configuration"
  rm -rf "$base/configuration/standalone_xml_history"
  cp "$WAR" "$base/deployments/live-update.war"
  say "starting $node at $(node_url "$node")"
  # LAUNCH_JBOSS_IN_BACKGROUND: standalone.sh passes a TERM on to the JVM (stop_all) and writes its pid.
  JBOSS_PIDFILE="$base/pid" LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="$NODE_JAVA_OPTS -Djava.net.preferIPv4Stack=true" \
    "$SERVER/bin/standalone.sh" -c standalone.xml -Djboss.server.base.dir="$base" \
    -Djboss.socket.binding.port-offset="${OFFSET[$node]}" -Djboss.node.name="$node" -Djboss.tx.node.id="$node" \
    -Dliveupdate.db.url="$DB_URL" -Dliveupdate.db.user="$DB_USER" -Dliveupdate.db.password="$DB_PASSWORD" \
    -Dliveupdate.demo=true >"$base/console.log" 2>&1 &
  SCRIPT_PID[$node]=$!
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "$(node_url "$node")/api/health" && return 0
    kill -0 "${SCRIPT_PID[$node]}" 2>/dev/null || fail "$node exited while booting: see $base/console.log"
    [ -e "$base/deployments/live-update.war.failed" ] && fail "the WAR did not deploy on $node: see $base/log/server.log"
    sleep 0.5
  done
  fail "$node did not answer $(node_url "$node")/api/health within 2 minutes: see $base/log/server.log"
}

# One after the other: the first node runs the Flyway migrations, the second finds the schema done.
for node in "${NODES[@]}"; do start_node "$node"; done

say "starting haproxy at $BALANCER"
haproxy -db -f server-config/haproxy.cfg >"$DIR/haproxy.log" 2>&1 &
HAPROXY_PID=$!
for _ in $(seq 1 40); do
  curl -sf -o /dev/null "$BALANCER/api/health" && break
  kill -0 "$HAPROXY_PID" 2>/dev/null || fail "haproxy exited: see $DIR/haproxy.log"
  sleep 0.5
done
curl -sf -o /dev/null "$BALANCER/api/health" || fail "the balancer does not answer: see $DIR/haproxy.log"

cat <<EOF

live-update runs on two nodes, database $DB_NAME on $DB_HOST:$DB_PORT. The demo pages on each of the three:
  balancer  $BALANCER/                  (haproxy; status http://127.0.0.1:8404/, log $DIR/haproxy.log)
  node-1    $(node_url node-1)/                  (log $DIR/node-1/log/server.log)
  node-2    $(node_url node-2)/                  (log $DIR/node-2/log/server.log)
Ctrl+C stops all three.

EOF

# Runs until Ctrl+C or until haproxy ends. A node that ends meanwhile (killed, crashed) is reported and left so: the
# balancer sends its clients to the other node.
declare -A GONE=()
while kill -0 "$HAPROXY_PID" 2>/dev/null; do
  for node in "${NODES[@]}"; do
    if [ -z "${GONE[$node]:-}" ] && ! kill -0 "${SCRIPT_PID[$node]}" 2>/dev/null; then
      GONE[$node]=1
      say "$node has stopped; the balancer sends its clients to the other node"
    fi
  done
  sleep 1 & wait $! || true
done
fail "haproxy ended: see $DIR/haproxy.log"
