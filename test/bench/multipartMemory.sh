#!/usr/bin/env bash
# Measures peak RSS while Envelope → Create uploads a 25 MB PDF, against base64-in-JSON.
# Compiles the bench (and what it imports) to plain JavaScript first, so no TypeScript compiler
# sits in the measured processes. BENCH_FILE_MB and BENCH_RUNS override size and repetitions.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=node_modules/.cache/n8n-nodes-docusign-bench
rm -rf "$out"
node_modules/.bin/tsc -p test/bench/tsconfig.json
exec node "$out/test/bench/multipartMemory.js" "$@"
