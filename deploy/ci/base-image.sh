#!/usr/bin/env bash
# Makes a local stand-in for node:20-bookworm-slim where no container registry is reachable: a debootstrap of
# Debian bookworm with python3, make and g++ (better-sqlite3's native build), plus this machine's Node.js and npm
# at /usr/local, imported into podman. Prints the image's name. Kept in podman's store: a second run with the
# same Node.js reuses it.
#
#   deploy/ci/base-image.sh            -> localhost/calls-api-base:bookworm-node<version>
set -euo pipefail

NODE_BIN="$(command -v node)"
NODE_VERSION="$("$NODE_BIN" --version)"
IMAGE="${BASE_IMAGE_NAME:-localhost/calls-api-base:bookworm-node${NODE_VERSION#v}}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
podman() { command podman --cgroup-manager=cgroupfs "$@"; }

if podman image exists "$IMAGE"; then
  echo "$IMAGE"
  exit 0
fi

for tool in debootstrap podman tar; do
  command -v "$tool" >/dev/null || { echo "base-image: $tool is missing (apt-get install -y $tool)" >&2; exit 1; }
done

# Node.js as Debian's nodejs package or the official tarball lays it out: the binary, npm, and the headers that
# node-gyp compiles against (without them it would download them).
NODE_PREFIX="$(cd "$(dirname "$(readlink -f "$NODE_BIN")")/.." && pwd)"
NPM_DIR="$NODE_PREFIX/lib/node_modules/npm"
HEADERS="$NODE_PREFIX/include/node"
[ -d "$NPM_DIR" ] || { echo "base-image: npm not found at $NPM_DIR" >&2; exit 1; }
[ -f "$HEADERS/node.h" ] || { echo "base-image: Node.js headers not found at $HEADERS" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/calls-api-base.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
ROOTFS="$WORK/rootfs"
started=$SECONDS
echo "base-image: debootstrap of bookworm into $ROOTFS" >&2
debootstrap --variant=minbase --include=python3,make,g++,ca-certificates bookworm "$ROOTFS" "$MIRROR" \
  >"$WORK/debootstrap.log" 2>&1 || { tail -n 30 "$WORK/debootstrap.log" >&2; exit 1; }

install -D -m 0755 "$(readlink -f "$NODE_BIN")" "$ROOTFS/usr/local/bin/node"
mkdir -p "$ROOTFS/usr/local/lib/node_modules" "$ROOTFS/usr/local/include"
cp -a "$NPM_DIR" "$ROOTFS/usr/local/lib/node_modules/npm"
cp -a "$HEADERS" "$ROOTFS/usr/local/include/node"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$ROOTFS/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$ROOTFS/usr/local/bin/npx"
rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/*
chroot "$ROOTFS" /usr/local/bin/node --version >/dev/null

tar -C "$ROOTFS" -c . | podman import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV npm_config_nodedir=/usr/local' \
  --change 'CMD ["node"]' \
  - "$IMAGE" >/dev/null
echo "base-image: $IMAGE made in $((SECONDS - started)) s" >&2
echo "$IMAGE"
