#!/usr/bin/env bash
# The README's start command (`npm start`): installs what it needs, builds, then serves n8n
# with Crisis Kit and its templates on http://127.0.0.1:5678 (see scripts/start.js).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[start] installing dev dependencies (npm install from the lock; see scripts/test.sh)"
  npm install --no-save --no-audit --no-fund --loglevel=error
fi
echo "[start] building the package"
npm run build --silent
exec node scripts/start.js
