#!/bin/sh
# quick-launcher Edge sync: runs INSIDE a running Edge container (kubectl exec), holding
# sync-routes' own lock (flock /var/run/sync-routes.lock, as the Edge's crontab.sh does).
#
#   edge-sync.sh copy <digest>   copy layout: the installer placed the files in the read-only
#       mount /etc/nginx/ext/external-apps; copy the managed ones into the live folder
#       /etc/nginx/external-apps, keeping the run routes sync-routes inserted into the live server
#       blocks (lines ending '# CP_EDGE_CUSTOM_DOMAIN'), remove managed files that left the set,
#       nginx -t, and nginx -s reload; a failed test puts the previous live files back in place.
#       <digest> is the content the mount must hold ('' = none: the restore of a first install).
#   edge-sync.sh test            direct layout (the live folder is the host folder): nginx -t and
#       nginx -s reload only.
#
# QL_EDGE_SRC / QL_EDGE_DST override the two folders (tests). Exit codes: 2 usage, 4 nginx -t,
# 5 io, 7 the mount holds other content, 8 nginx -s reload failed.
set -u

# Plain assignments: each path stands alone, as a container path.
src=/etc/nginx/ext/external-apps
dst=/etc/nginx/external-apps
tmp=/tmp
[ -z "${QL_EDGE_SRC:-}" ] || src=$QL_EDGE_SRC
[ -z "${QL_EDGE_DST:-}" ] || dst=$QL_EDGE_DST
[ -z "${TMPDIR:-}" ] || tmp=$TMPDIR
ROUTE_MARK='# CP_EDGE_CUSTOM_DOMAIN'
mode=${1:-}
work=""

log() { printf 'quick-launcher-edge: %s\n' "$*"; }
fail() {
  code=$1
  shift
  printf 'quick-launcher-edge: error: %s\n' "$*" >&2
  exit "$code"
}
trap '[ -z "$work" ] || rm -rf "$work"' EXIT

# The Edge's own configuration, named as sync-routes tests it (sync-routes.py:903): a bare
# `nginx -t` in the Edge image reads OpenResty's stock nginx.conf and would always pass.
test_and_reload() {
  if ! nginx -c /etc/nginx/nginx.conf -t >"$1" 2>&1; then return 4; fi
  nginx -s reload >>"$1" 2>&1 || return 8
}

if [ "$mode" = test ]; then
  work=$(mktemp -d "$tmp/quick-launcher-edge.XXXXXX") || fail 5 "cannot create a work folder"
  test_and_reload "$work/nginx"
  code=$?
  [ "$code" -eq 0 ] || { cat "$work/nginx" >&2; fail "$code" "nginx rejected the configuration in $dst"; }
  log "nginx -t passed and nginx reloaded ($dst read in place)"
  exit 0
fi
[ "$mode" = copy ] || fail 2 "usage: edge-sync.sh copy <digest> | test"
# Inside an Edge container both folders exist (init copied the mount at start): anywhere else, stop.
[ -d "$src" ] && [ -d "$dst" ] || fail 7 "$src or $dst does not exist: not an Edge container of the copy layout"
want=${2:-}
have=$(cat "$src/.quick-launcher/digest" 2>/dev/null || true)
[ "$have" = "$want" ] || fail 7 "$src holds content '${have:-none}', not '${want:-none}'"

work=$(mktemp -d "$tmp/quick-launcher-edge.XXXXXX") || fail 5 "cannot create a work folder"
new="$src/.quick-launcher/manifest"
old="$dst/.quick-launcher/manifest"
: >"$work/new-paths"
[ ! -f "$new" ] || cut -c67- "$new" >"$work/new-paths" || fail 5 "cannot read $new"
{ [ ! -f "$old" ] || cut -c67- "$old"; cat "$work/new-paths"; } | sort -u >"$work/paths" || fail 5 "cannot list the managed files"

# Everything that may change is kept aside first, to be put back in place on a failure.
mkdir -p "$work/backup" "$work/state" || fail 5 "cannot create $work"
while read -r p; do
  [ -n "$p" ] || continue
  if [ -f "$dst/$p" ]; then
    mkdir -p "$(dirname "$work/backup/$p")" && cp -p "$dst/$p" "$work/backup/$p" || fail 5 "cannot back up $dst/$p"
  fi
done <"$work/paths"
for f in manifest digest; do [ ! -f "$dst/.quick-launcher/$f" ] || cp -p "$dst/.quick-launcher/$f" "$work/state/$f" || fail 5 "cannot back up the state"; done

put_back() {
  while read -r p; do
    [ -n "$p" ] || continue
    if [ -f "$work/backup/$p" ]; then
      mkdir -p "$(dirname "$dst/$p")" && cp -p "$work/backup/$p" "$dst/$p.ql-restore" && mv -f "$dst/$p.ql-restore" "$dst/$p"
    else
      rm -f "$dst/$p"
    fi
  done <"$work/paths"
  for f in manifest digest; do
    if [ -f "$work/state/$f" ]; then cp -p "$work/state/$f" "$dst/.quick-launcher/$f"; else rm -f "$dst/.quick-launcher/$f"; fi
  done
}
abort() {
  code=$1
  shift
  put_back
  fail "$code" "$* (the previous files were put back)"
}

# Server block $1 as it goes live at $2: the live file's run routes follow the route marker.
merge_routes() {
  if [ -f "$2" ] && grep -q "$ROUTE_MARK\$" "$2"; then
    awk -v mark="$ROUTE_MARK" 'substr($0, length($0) - length(mark) + 1) == mark' "$2" >"$work/routes" || return 1
    awk -v routes="$work/routes" -v mark="$ROUTE_MARK" '
      substr($0, length($0) - length(mark) + 1) == mark { next }
      { print }
      index($0, "# {edge_route_location_block}") > 0 { while ((getline line < routes) > 0) print line }' "$1" >"$2.ql-new"
  else
    cp -p "$1" "$2.ql-new"
  fi
}

count=0
while read -r p; do
  [ -n "$p" ] || continue
  mkdir -p "$(dirname "$dst/$p")" || abort 5 "cannot create the folder of $dst/$p"
  case $p in
  *.conf) merge_routes "$src/$p" "$dst/$p" || abort 5 "cannot write $dst/$p" ;;
  *) cp -p "$src/$p" "$dst/$p.ql-new" || abort 5 "cannot copy $src/$p" ;;
  esac
  mv -f "$dst/$p.ql-new" "$dst/$p" || abort 5 "cannot move $dst/$p into place"
  count=$((count + 1))
done <"$work/new-paths"
removed=0
while read -r p; do
  [ -n "$p" ] || continue
  if ! grep -qxF "$p" "$work/new-paths"; then
    rm -f "$dst/$p" || abort 5 "cannot remove $dst/$p"
    rmdir -p "$(dirname "$dst/$p")" 2>/dev/null || true
    removed=$((removed + 1))
  fi
done <"$work/paths"
mkdir -p "$dst/.quick-launcher" || abort 5 "cannot create $dst/.quick-launcher"
for f in manifest digest; do
  if [ -f "$src/.quick-launcher/$f" ]; then cp -p "$src/.quick-launcher/$f" "$dst/.quick-launcher/$f" || abort 5 "cannot copy the $f"; else rm -f "$dst/.quick-launcher/$f"; fi
done

test_and_reload "$work/nginx"
code=$?
if [ "$code" -ne 0 ]; then
  cat "$work/nginx" >&2
  put_back
  if [ "$code" -eq 8 ]; then nginx -s reload >/dev/null 2>&1 || true; fi
  fail "$code" "nginx rejected the new files in $dst; the previous files were put back in place"
fi
log "copied $count files into $dst (content ${want:-none}), removed $removed, nginx -t passed, nginx reloaded"
