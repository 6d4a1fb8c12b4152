#!/usr/bin/env bash
# Issue 17: times every date, format and id field of the connector with long and pathological input (1k..1M
# characters), in-process through the same readers a request runs, and flags super-linear cost. Prints a table; exits
# 1 when a field grows faster than linearly. Not part of `mvn verify` (speed is not a test); run it after a change to
# the connector's parsing:   bench/input-fuzz.sh [--skip-build]
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${1:-}" = "--skip-build" ] || mvn -B -q -o compile
CP_FILE=bench/target/input-fuzz.classpath
mkdir -p bench/target
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
exec java -Xmx2g -cp "target/classes:$(cat "$CP_FILE")" bench/input-fuzz/ConnectorInputFuzz.java
