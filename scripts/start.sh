#!/usr/bin/env bash
# `npm start`: install what is missing, build, and open a real VS Code with the extension loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
node esbuild.mjs
exec npx tsx scripts/start.ts "$@"
