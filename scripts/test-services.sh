#!/usr/bin/env bash
# Starts (or stops) the daemons the engine-backed tests need, on loopback only:
#   a Docker engine without bridge or iptables, and a registry on 127.0.0.1:15000.
# usage: test-services.sh start|stop DIR    (start writes DIR/services.env)
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?state dir}
mkdir -p "$dir"

# Stops the process of a pidfile and waits (up to 5 s) until it is gone, so DIR can be removed.
stop_pid() {
  [ -f "$1" ] || return 0
  local pid; pid=$(cat "$1")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
}

case "$cmd" in
start)
  mkdir -p "$dir/registry-data"
  cat >"$dir/registry.yml" <<YML
version: 0.1
storage: { filesystem: { rootdirectory: $dir/registry-data }, delete: { enabled: true } }
http: { addr: 127.0.0.1:15000 }
YML
  docker-registry serve "$dir/registry.yml" >"$dir/registry.log" 2>&1 &
  echo $! >"$dir/registry.pid"
  dockerd --data-root "$dir/docker-data" --exec-root "$dir/docker-exec" -H "unix://$dir/docker.sock" \
    --pidfile "$dir/dockerd.pid" --bridge=none --iptables=false --ip6tables=false --ip-masq=false \
    >"$dir/dockerd.log" 2>&1 &
  for _ in $(seq 1 100); do
    if docker -H "unix://$dir/docker.sock" version >/dev/null 2>&1 && curl -fsS http://127.0.0.1:15000/v2/ >/dev/null 2>&1; then
      printf 'DOCKER_HOST=unix://%s/docker.sock\nTEST_REGISTRY=127.0.0.1:15000\n' "$dir" >"$dir/services.env"
      echo "test services up (state in $dir)"
      exit 0
    fi
    sleep 0.3
  done
  echo "test services did not start; logs:" >&2
  tail -n 20 "$dir/dockerd.log" "$dir/registry.log" >&2 || true
  exit 1
  ;;
stop)
  stop_pid "$dir/dockerd.pid"
  stop_pid "$dir/registry.pid"
  ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
