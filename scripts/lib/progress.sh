# Shared by scripts/setup-n8n.sh, scripts/start.sh and scripts/test.sh: long steps announce
# themselves, with what they do and roughly how long they take, and never stay silent > 15 s.
#   with_progress "what" "about N minutes" DIR_TO_MEASURE -- command args...
# Prints "[tag hh:mm:ss] what (about N minutes)" then every 10 s "  ...what: 123 MB, 40 s".
# Returns the command's exit status. Its output goes to stderr.
CK_TAG=${CK_TAG:-crisis-kit}
ck_log() { printf '[%s %s] %s\n' "$CK_TAG" "$(date +%H:%M:%S)" "$*" >&2; }
with_progress() {
  local what=$1 eta=$2 dir=$3; shift 4
  local t0; t0=$(date +%s)
  ck_log "$what ($eta)"
  "$@" 1>&2 &
  local pid=$! mb state short=${what%% (*}
  short=${short%% into *}
  while kill -0 "$pid" 2>/dev/null; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null || break
    mb=""
    [ -n "$dir" ] && [ -d "$dir" ] && mb=$(du -sm "$dir" 2>/dev/null | cut -f1 || true)
    if [ -n "$mb" ]; then state="$mb MB on disk"; else state="working"; fi
    ck_log "  ...$short: $state, $(( $(date +%s) - t0 )) s"
  done
  local rc=0
  wait "$pid" || rc=$?
  ck_log "$short: done in $(( $(date +%s) - t0 )) s$( [ "$rc" -ne 0 ] && printf ' (FAILED, exit %s)' "$rc")"
  return "$rc"
}
