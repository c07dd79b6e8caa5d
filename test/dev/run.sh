#!/usr/bin/env bash
# npm run dev: the DocuSign simulator (or your DocuSign account, with DOCUSIGN_* set), n8n 2.41.1 with
# this package loaded as a community package, rebuilt and reloaded on change. Ctrl-C stops it all.
# The runtime (Node 24, n8n) comes from the e2e suite's setup.sh and is shared with it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DEV_T0=$(date +%s%3N)
say() { printf '[dev %5.1f s] %s\n' "$(awk "BEGIN { print ($(date +%s%3N) - $DEV_T0) / 1000 }")" "$*"; }

say "n8n runtime (Node 24 + n8n 2.41.1 in ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-docusign; minutes on the first run only)"
setup_out=$(bash test/e2e/setup.sh 2> >(grep --line-buffered -iv chromium >&2))
NODE24_BIN=$(sed -n 's/^NODE24_BIN=//p' <<<"$setup_out")
N8N_SCRIPT=$(sed -n 's/^N8N_SCRIPT=//p' <<<"$setup_out")

say "compiling the dev runner and the simulator (test/dev/.build)"
# Incremental: the build info lives in .build, so deleting .build starts over.
node node_modules/typescript/bin/tsc -p test/dev/tsconfig.json --incremental --tsBuildInfoFile test/dev/.build/.tsbuildinfo

export DEV_NODE24_BIN="$NODE24_BIN"
export DEV_N8N_SCRIPT="$N8N_SCRIPT"
exec node test/dev/.build/test/dev/main.js "$@"
