#!/usr/bin/env bash
# Installs the pinned front-end packages from the npm registry (package-lock.json) with the
# machine's own npm, then copies the files the pages need into the web content folder given as $1.
# node_modules is kept between builds and reinstalled only when the lock file changes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: build.sh <output-dir>}
cd "$here"
stamp=node_modules/.lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
mkdir -p "$out/lib/dhtmlx-scheduler" "$out/lib/dhtmlx-gantt" "$out/lib/faye" "$out/lib/webix"
cp node_modules/dhtmlx-scheduler/codebase/dhtmlxscheduler.js "$out/lib/dhtmlx-scheduler/"
# The stylesheet pulls the Inter font from fonts.gstatic.com; the pages must work offline, so those
# @font-face rules are dropped and the system sans-serif font is used instead.
sed -E 's#@font-face\{[^}]*fonts\.gstatic\.com[^}]*\}##g' node_modules/dhtmlx-scheduler/codebase/dhtmlxscheduler.css \
  > "$out/lib/dhtmlx-scheduler/dhtmlxscheduler.css"
cp node_modules/dhtmlx-gantt/codebase/dhtmlxgantt.js "$out/lib/dhtmlx-gantt/"
sed -E 's#@font-face\{[^}]*fonts\.gstatic\.com[^}]*\}##g' node_modules/dhtmlx-gantt/codebase/dhtmlxgantt.css \
  > "$out/lib/dhtmlx-gantt/dhtmlxgantt.css"
cp node_modules/faye/client/faye-browser-min.js "$out/lib/faye/"
cp node_modules/webix/webix.min.js node_modules/webix/webix.min.css "$out/lib/webix/"
cp -r node_modules/webix/fonts "$out/lib/webix/"
