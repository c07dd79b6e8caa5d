#!/usr/bin/env bash
# npm run bench [-- --smoke | --items N --runs N --latency MS]: compiles the benchmark (and what it
# imports) to plain JavaScript in a git-ignored folder, then runs it with node, as multipartMemory.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=node_modules/.cache/n8n-nodes-docusign-bench
rm -rf "$out"
node_modules/.bin/tsc -p test/bench/tsconfig.json
exec node "$out/test/bench/bench.js" "$@"
