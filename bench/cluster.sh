#!/usr/bin/env bash
# The cluster benchmark (issue 12): two WildFly nodes on one PostgreSQL, save to screen across them, then the save
# round trip on one node with the change log's doorbell (pg_notify) on and off. Prints a table and the issue's
# targets, met or not.
#
#   bench/cluster.sh                 full run (~9 minutes on 2 cores): 30 s measured per scenario
#   bench/cluster.sh --quick         1,000 subscribers still, 8 s measured (~4 minutes): checks the tooling
#   options: --skip-build (reuse bench/target/war/live-update.war and the bench jar), --subscribers N (1000),
#            --commit-subscribers N (10), --rate saves/s (50), --duration s, --rounds N (doorbell on/off pairs, 2),
#            --cluster-doorbell false (both nodes without the doorbell: the other node hears of a save only at its
#            periodic check, every 3 s, or at its own next commit; shows what the doorbell is for)
#
# Next to the tests on a shared box: `flock /tmp/wildfly-it.lock bench/cluster.sh` (the figures mean something only on
# a quiet machine; the load average is printed with them).
#
# 1. cluster-save: node-1 (port offset 700: HTTP 8780, management 10690) and node-2 (offset 750: HTTP 8830,
#    management 10740), one WildFly unpacked and prepared as bench/run.sh's (bench/lib.sh) plus
#    server-config/wildfly-cluster.cli, each node with a base directory of its own under bench/target/nodes, its node
#    name and transaction node id, both on the database liveupdate_bench (created here, dropped at the end). Half the
#    WebSocket subscribers on each node; 10 savers, each saving one after another and alternating between the nodes.
#    Save-to-screen latency for subscribers on the saving node and on the other node, separately; every save counted
#    at every subscriber (lost, duplicated, reordered within a saver).
# 2. save-doorbell-on / save-doorbell-off: node-2 stopped, node-1 alone, restarted with
#    -Dliveupdate.changelog.doorbell=true, then =false (no pg_notify in the saving transaction), --rounds times in
#    turn, the same save scenario on it: the save's round trip (the response leaves after the commit and after the
#    change is queued for every subscriber), with all the subscribers and then with 10 (commit-doorbell-*).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=1; SUBSCRIBERS=1000; COMMIT_SUBSCRIBERS=10; RATE=50; WARMUP=5; DURATION=30; ROUNDS=2; CLUSTER_DOORBELL=true
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) WARMUP=3; DURATION=8; ROUNDS=1 ;;
    --skip-build) BUILD=0 ;;
    --subscribers) SUBSCRIBERS="$2"; shift ;;
    --commit-subscribers) COMMIT_SUBSCRIBERS="$2"; shift ;;
    --rate) RATE="$2"; shift ;;
    --duration) DURATION="$2"; shift ;;
    --rounds) ROUNDS="$2"; shift ;;
    --cluster-doorbell) CLUSTER_DOORBELL="$2"; shift ;;
    *) echo "unknown option $1 (see the top of bench/cluster.sh)" >&2; exit 2 ;;
  esac
  shift
done

# shellcheck source=bench/lib.sh
. bench/lib.sh
declare -A OFFSET=([node-1]=700 [node-2]=750)
RUN_DIR="$ROOT/bench/target/runs/cluster-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN_DIR"
raise_descriptor_limit
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

sync_url() { echo "http://127.0.0.1:$((8080 + ${OFFSET[$1]}))/sync"; }
COMMON=(--subscribers "$SUBSCRIBERS" --rate "$RATE" --warmup "$WARMUP" --duration "$DURATION")

build "$BUILD"
prepare_wildfly server-config/wildfly-postgres.cli server-config/wildfly-ops.cli server-config/wildfly-security.cli \
  server-config/wildfly-tuning.cli server-config/wildfly-cluster.cli
fresh_database
# One after the other: the first node runs the Flyway migrations, the second finds the schema done.
for node in node-1 node-2; do
  node_base "$ROOT/bench/target/nodes/$node"
  start_node "$node" "$ROOT/bench/target/nodes/$node" "${OFFSET[$node]}" -Dliveupdate.changelog.doorbell="$CLUSTER_DOORBELL"
done

scenario cluster 0 "cluster-save-${SUBSCRIBERS}x${RATE}$([ "$CLUSTER_DOORBELL" = true ] || echo -no-doorbell)" cluster-save \
  --urls "$(sync_url node-1),$(sync_url node-2)" --pids "$(node_pid node-1),$(node_pid node-2)" "${COMMON[@]}"
stop_node node-2

# The same node, restarted for each setting, so that neither run inherits the other's warmed-up JIT or heap.
for round in $(seq 1 "$ROUNDS"); do
  for doorbell in on off; do
    stop_node node-1
    start_node node-1 "$ROOT/bench/target/nodes/node-1" "${OFFSET[node-1]}" \
      -Dliveupdate.changelog.doorbell="$([ "$doorbell" = on ] && echo true || echo false)"
    scenario cluster "$(node_pid node-1)" "save-doorbell-$doorbell-$round" save --url "$(sync_url node-1)" "${COMMON[@]}"
    # The round trip above includes the fan-out to every subscriber, which the save's request thread queues before it
    # answers; with a handful of subscribers it is mostly the transaction and its commit.
    scenario cluster "$(node_pid node-1)" "commit-doorbell-$doorbell-$round" save --url "$(sync_url node-1)" \
      --subscribers "$COMMIT_SUBSCRIBERS" --rate "$RATE" --warmup "$WARMUP" --duration "$DURATION"
  done
done
stop_node node-1

{
  echo
  machine
  echo "run: warm-up ${WARMUP}s, measured ${DURATION}s per scenario, ${SUBSCRIBERS} subscribers, ${RATE} saves/s; figures in $RUN_DIR"
  echo
  java -jar "$JAR" cluster-summary "$RUN_DIR/cluster.jsonl"
} | tee "$RUN_DIR/summary.md"
