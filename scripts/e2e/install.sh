#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, outside the repository and idempotently:
#   - Debian chromium (the thin workbench client) and ripgrep, only when missing;
#   - code-server 4.100.3 (= VS Code 1.100.3, the newest code-server on node 20) into a cache folder.
# code-server is not a devDependency: it is heavy, node-major-specific and its postinstall
# needs the offline workarounds below (see shared/research/vscode-e2e.md).
# The runners find code-server in the same folder (CODE_SERVER_DIR in scripts/e2e/lib.mjs);
# WINSYNC_CODE_SERVER_DIR overrides it for both.
set -euo pipefail

CS_VERSION=4.100.3
RG_VERSION=1.15.11          # @vscode/ripgrep inside code-server 4.100.3
CACHE_ROOT=${XDG_CACHE_HOME:-$HOME/.cache}/winsync-ldif
DEST=${WINSYNC_CODE_SERVER_DIR:-$CACHE_ROOT/code-server-$CS_VERSION}
CS_PKG=$DEST/node_modules/code-server

healthy() {
  [ -f "$DEST/.installed" ] &&
    [ -f "$CS_PKG/out/node/entry.js" ] &&
    [ -x "$CS_PKG/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] &&
    [ -f "$CS_PKG/lib/vscode/node_modules/node-pty/build/Release/pty.node" ] &&
    timeout 30 node "$CS_PKG/out/node/entry.js" --version 2>/dev/null | grep -q "^$CS_VERSION "
}

# --- Debian packages, only those missing -------------------------------------------------------
missing=()
command -v chromium >/dev/null || missing+=(chromium)
if ! healthy; then
  # ripgrep stands in for the rg binary @vscode/ripgrep would download (see below);
  # native modules of code-server (node-pty, spdlog, kerberos, ...) are built from source.
  command -v rg >/dev/null || missing+=(ripgrep)
  command -v g++ >/dev/null || missing+=(build-essential)
  command -v make >/dev/null || missing+=(make)
  command -v python3 >/dev/null || missing+=(python3)
  [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e install: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 apt-get update -q >/dev/null
  timeout 600 apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- code-server into the cache -----------------------------------------------------------------
if healthy; then
  echo "e2e install: code-server $CS_VERSION present in $DEST"
  exit 0
fi
echo "e2e install: code-server $CS_VERSION -> $DEST"
# @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds this cache file first.
RG_CACHE=${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RG_VERSION
mkdir -p "$RG_CACHE"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg

# Install into a sibling folder and move it into place, so an interrupted install never looks healthy.
STAGE=$DEST.partial
rm -rf "$STAGE"
mkdir -p "$STAGE"
echo '{"name":"winsync-ldif-e2e-tools","private":true}' >"$STAGE/package.json"
# unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty's postinstall runs
# `npx node-gyp`; nodedir: node-gyp uses the nodejs headers in /usr/include/node instead of downloading.
(
  cd "$STAGE"
  npm_config_nodedir=/usr npm_config_unsafe_perm=true npm_config_yes=true \
    timeout 900 npm install --no-save --no-audit --no-fund --no-package-lock "code-server@$CS_VERSION"
)
rm -rf "$DEST"
mv "$STAGE" "$DEST"
touch "$DEST/.installed"
healthy || { echo "e2e install: code-server in $DEST is not healthy" >&2; exit 1; }
echo "e2e install: done"
