#!/usr/bin/env bash
# Times the README's first run as a new user meets it: a fresh clone of this checkout, an empty
# Crisis Kit cache, an empty npm cache and a new n8n home, until n8n answers /healthz/readiness.
# Prints every line of `npm start` with its second since the start, the longest silent stretch
# and the total. Everything goes under $WORK (default /tmp/ck-first-run), removed first.
#   bash scripts/time-first-run.sh            # ~4 minutes here on an idle 2-core machine
set -uo pipefail
SRC="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${WORK:-/tmp/ck-first-run}"
PORT="${PORT:-5711}"
rm -rf "$WORK" && mkdir -p "$WORK"
git clone -q "$SRC" "$WORK/repo"
cd "$WORK/repo"
export CRISIS_KIT_CACHE="$WORK/cache" npm_config_cache="$WORK/npm-cache" CRISIS_KIT_HOME="$WORK/home" CRISIS_KIT_PORT="$PORT"
T0=$(date +%s)
LOG="$WORK/first-run.log"
setsid bash -c 'npm start 2>&1' | while IFS= read -r line; do printf '+%ss %s\n' "$(( $(date +%s) - T0 ))" "$line"; done > "$LOG" &
ready=""
for _ in $(seq 1 1200); do
  if curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz/readiness" 2>/dev/null | grep -q 200; then ready=$(( $(date +%s) - T0 )); break; fi
  sleep 1
done
pkill -f "$WORK/cache/n8n" 2>/dev/null; pkill -f "$WORK/repo/scripts/start.js" 2>/dev/null
sleep 2
cat "$LOG"
awk '{t=substr($1,2)+0; if (NR>1 && t-prev>max) {max=t-prev; at=$0}; prev=t} END {printf "longest silent stretch: %d s (before: %s)\n", max, substr(at,1,120)}' "$LOG"
if [ -n "$ready" ]; then echo "editor ready after $ready s"; else echo "editor NOT ready after 1200 s"; exit 1; fi
