#!/usr/bin/env bash
# Checks the two-node cluster of server-config/cluster.sh end to end, on this machine (under a minute with --no-build):
#  - starts it (the options are cluster.sh's: --no-build) on its own database liveupdate_cluster_check (dropped at
#    the end) and waits until the balancer answers;
#  - the demo pages and the connector answer through the balancer and on each node; through the balancer a browser's
#    same-origin save and /sync WebSocket upgrade (Origin http://127.0.0.1:8080) are accepted;
#  - src/test/node/cluster-check.js: Faye clients on node 2 and through the balancer get saves made through node 1 and
#    through the balancer; node 2 is killed; the balancer moves its client to node 1, which catches it up;
#  - stops the cluster with SIGTERM (what Ctrl+C does) and checks that every port is free again.
# Not part of `mvn verify`: it needs haproxy and the ports 8080/8180/8280/8404/10090/10190. The tests' build lock:
#   flock /tmp/wildfly-it.lock server-config/cluster-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

export DB_NAME=liveupdate_cluster_check
LOG="$ROOT/target/cluster-check.log"
BALANCER=http://127.0.0.1:8080
NODE1=http://127.0.0.1:8180
NODE2=http://127.0.0.1:8280
mkdir -p target

ok() { echo "ok   $*"; }
fail() { echo "FAIL $*" >&2; echo "(cluster.sh's output: $LOG)" >&2; exit 1; }

CLUSTER_PID=""
cleanup() {
  if [ -n "$CLUSTER_PID" ] && kill -0 "$CLUSTER_PID" 2>/dev/null; then
    kill "$CLUSTER_PID"; wait "$CLUSTER_PID" 2>/dev/null || true
  fi
  dropdb -h 127.0.0.1 -U postgres --if-exists --force "$DB_NAME" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -d src/test/node/node_modules/faye ] || (cd src/test/node && npm ci --no-audit --no-fund >/dev/null)
dropdb -h 127.0.0.1 -U postgres --if-exists --force "$DB_NAME"

server-config/cluster.sh "$@" >"$LOG" 2>&1 &
CLUSTER_PID=$!
for _ in $(seq 1 600); do
  grep -q "Ctrl+C stops all three" "$LOG" && break
  kill -0 "$CLUSTER_PID" 2>/dev/null || fail "cluster.sh ended before the cluster was up: $(tail -3 "$LOG")"
  sleep 1
done
grep -q "Ctrl+C stops all three" "$LOG" || fail "the cluster was not up within 10 minutes"
ok "cluster.sh started both nodes and haproxy"

# status <expected> <url> [curl options...]
status() {
  local expected=$1 url=$2; shift 2
  local got; got=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url")
  [ "$got" = "$expected" ] || fail "$url: HTTP $got, expected $expected"
}

for base in "$BALANCER" "$NODE1" "$NODE2"; do
  for page in / /remote-events.html /webix-chat.html /js/live-catchup.js /api/events /api/health; do
    status 200 "$base$page"
  done
  [[ "$(curl -s "$base/")" == *"<html"* ]] || fail "$base/ is not the demo page"
  ok "the demo pages, the connector and the health check answer at $base"
done

# The balancer passes the browser's Host on, so the nodes see a page from http://127.0.0.1:8080 as their own origin.
ORIGIN=(-H "Origin: $BALANCER" -H "Sec-Fetch-Site: same-origin")
answer=$(curl -s "${ORIGIN[@]}" -H 'Content-Type: application/json' \
  -d '{"text":"same-origin save","start_date":"2026-12-03 09:00","end_date":"2026-12-03 10:00"}' "$BALANCER/api/events")
echo "$answer" | grep -q '"action":"inserted"' || fail "a same-origin save through the balancer: $answer"
ok "a browser's same-origin save through the balancer is accepted"
upgrade=$(curl -s -i --http1.1 --max-time 3 "${ORIGIN[@]}" -H "Connection: Upgrade" -H "Upgrade: websocket" \
  -H "Sec-WebSocket-Version: 13" -H "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==" "$BALANCER/sync" || true)
echo "$upgrade" | head -1 | grep -q " 101" || fail "a same-origin /sync WebSocket upgrade through the balancer: $(echo "$upgrade" | head -1)"
ok "a browser's same-origin /sync WebSocket upgrade through the balancer is accepted (101)"
status 403 "$BALANCER/sync" -H "Origin: http://elsewhere.example" -H "Connection: Upgrade" -H "Upgrade: websocket" \
  -H "Sec-WebSocket-Version: 13" -H "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==" --http1.1 --max-time 3
ok "a foreign origin's upgrade through the balancer is refused (403)"

NODE_PATH="$ROOT/src/test/node/node_modules" node src/test/node/cluster-check.js \
  "$BALANCER" "$NODE1" "$NODE2" "$ROOT/target/cluster/node-2/pid" || fail "the live checks (above)"

grep -q "node-2 has stopped" "$LOG" || fail "cluster.sh did not report node 2's end"
ok "cluster.sh reported node 2's end and kept running"

kill -TERM "$CLUSTER_PID"
wait "$CLUSTER_PID" || true
CLUSTER_PID=""
grep -q "== stopped" "$LOG" || fail "cluster.sh did not stop cleanly"
for port in 8080 8180 8280 8404 10090 10190; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "port $port still open after the stop"; fi
done
ok "SIGTERM stopped the balancer and node 1; every port is free"
echo "cluster check passed"
