#!/usr/bin/env bash
# Installs, from Debian's packages, what the demo and the tests use on loopback: nginx and openssl
# (the Edge stand-in), util-linux (flock), the Docker engine, a registry, buildah and skopeo,
# busybox (minimal installer images), chromium (the browser test) and, when none is on PATH,
# Debian's kubectl. Run as root (or with sudo) on Debian 12; `.ci/run` runs it too.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps.sh: run as root (sudo bash scripts/install-deps.sh)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
packages=(nginx openssl curl util-linux docker.io docker-registry buildah skopeo busybox-static chromium)
# Some machine images come without kubectl; Debian's kubernetes-client is a real one.
command -v kubectl >/dev/null || packages+=(kubernetes-client)
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
missing=0
for tool in nginx openssl flock dockerd docker-registry buildah skopeo busybox chromium kubectl; do
  command -v "$tool" >/dev/null || { echo "install-deps.sh: $tool is still not on PATH" >&2; missing=1; }
done
exit "$missing"
