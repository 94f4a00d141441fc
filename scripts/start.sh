#!/usr/bin/env bash
# The README's start command (`npm start`): installs what it needs, builds, then serves n8n
# with Crisis Kit and its templates on http://127.0.0.1:5678 (see scripts/start.js).
# Node 24 + n8n install into ~/.cache/crisis-kit while the build's few dev packages unpack and the
# package builds; every step announces itself and how long it takes.
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
# Starting needs only what the build and the start script use (TypeScript, gulp, n8n-workflow's
# types, axios): ~300 of the ~1,500 dev packages, unpacked from the repo's lock by
# scripts/lib/lock-install.js in seconds. `npm test` installs the rest (npm install from the lock).
START_TOOLS=typescript,gulp,axios,n8n-workflow,@types/luxon,@types/node
have_start_tools() { [ -x node_modules/.bin/tsc ] && [ -x node_modules/.bin/gulp ] && [ -d node_modules/axios ] && [ -d node_modules/n8n-workflow ]; }
full_install_stale() { [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }
if full_install_stale && ! have_start_tools; then
  if ! with_progress "installing what the build needs (TypeScript, gulp, n8n-workflow, axios: ~300 packages from the repo's lock; npm test installs the rest)" \
    "10-30 s" "" -- node scripts/lib/lock-install.js . --only "$START_TOOLS"; then
    # Not `npm ci`: this registry lacks some platform-only optional packages of unrs-resolver, so npm
    # leaves them out of the lock and `npm ci` refuses it; `npm install` follows the lock.
    with_progress "installing the repo's dev dependencies (npm install from the lock: TypeScript, n8n-workflow, jest…)" \
      "about 1,500 packages, 1-3 minutes" node_modules -- npm install --no-save --no-audit --no-fund --loglevel=error
  fi
elif [ -d node_modules ] && [ -f node_modules/.package-lock.json ] && [ package-lock.json -nt node_modules/.package-lock.json ]; then
  with_progress "updating the repo's dev dependencies (package-lock.json changed)" \
    "about 1 minute" node_modules -- npm install --no-save --no-audit --no-fund --loglevel=error
fi
with_progress "building the package (tsc + gulp → dist/)" "about 20 s" "" -- npm run build --silent
if ! wait "$setup_pid"; then ck_log "ERROR: setting up Node 24 + n8n failed (see above)"; exit 1; fi
rm -f "$setup_log" "$setup_log.env"
ck_log "ready to start n8n after $(( $(date +%s) - T0 )) s of set-up"
exec node scripts/start.js
