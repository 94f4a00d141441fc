#!/usr/bin/env bash
# The README's start command (`npm start`): installs what it needs, builds, then serves n8n
# with Crisis Kit and its templates on http://127.0.0.1:5678 (see scripts/start.js).
# The two slow first-time installs (the repo's dev dependencies, and Node 24 + n8n into
# ~/.cache/crisis-kit) run side by side; every step announces itself and how long it takes.
set -euo pipefail
cd "$(dirname "$0")/.."
CK_TAG=start
# shellcheck source=lib/progress.sh
. scripts/lib/progress.sh
T0=$(date +%s)
command -v node >/dev/null || { ck_log "ERROR: Node.js >= 20 is needed (nodejs.org or your package manager)"; exit 1; }
command -v npm >/dev/null || { ck_log "ERROR: npm is needed (it comes with Node.js)"; exit 1; }
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || { ck_log "ERROR: Node $(node -v) is too old: Node >= 20 is needed"; exit 1; }

setup_log=$(mktemp)
bash scripts/setup-n8n.sh >"$setup_log.env" 2> >(tee "$setup_log" >&2) &
setup_pid=$!
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # Not `npm ci`: this registry lacks some platform-only optional packages of unrs-resolver, so npm
  # leaves them out of the lock and `npm ci` refuses it; `npm install` follows the lock.
  with_progress "installing the repo's dev dependencies (npm install from the lock: TypeScript, n8n-workflow, jest…)" \
    "about 1,500 packages, 1-3 minutes" node_modules -- npm install --no-save --no-audit --no-fund --loglevel=error
fi
with_progress "building the package (tsc + gulp → dist/)" "about 20 s" "" -- npm run build --silent
if ! wait "$setup_pid"; then ck_log "ERROR: setting up Node 24 + n8n failed (see above)"; exit 1; fi
rm -f "$setup_log" "$setup_log.env"
ck_log "ready to start n8n after $(( $(date +%s) - T0 )) s of set-up"
exec node scripts/start.js
