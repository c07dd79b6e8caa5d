#!/usr/bin/env bash
# npm run bench [-- --smoke | --items N --runs N --latency MS]: compiles the benchmark (and what it
# imports) to plain JavaScript in a git-ignored folder, then runs it with node, as multipartMemory.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
# Figure 6 runs n8n's own HTTP Request node, from the n8n runtime the e2e suite uses (installed once
# into ~/.cache/n8n-nodes-docusign by setup.sh, reused afterwards; Chromium is not needed here).
setup_out=$(E2E_SETUP_WITHOUT_CHROMIUM=1 bash test/e2e/setup.sh)
n8n_script=$(sed -n 's/^N8N_SCRIPT=//p' <<<"$setup_out")
BENCH_N8N_MODULES=$(cd "$(dirname "$n8n_script")/../.." && pwd)
export BENCH_N8N_MODULES
out=node_modules/.cache/n8n-nodes-docusign-bench
rm -rf "$out"
node_modules/.bin/tsc -p test/bench/tsconfig.json
exec node "$out/test/bench/bench.js" "$@"
