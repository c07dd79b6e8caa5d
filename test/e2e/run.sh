#!/usr/bin/env bash
# npm run test:e2e [-- FILTER…]: the package, packed and installed as a community package, in a real
# n8n 2.41.1 (Node 24) against the DocuSign simulator. FILTER = substrings of scenario/case names.
# E2E_KEEP=1 keeps the n8n user folders; logs of failed cases and the editor screenshot go to
# test/e2e/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$(date +%s)
say() { echo "[e2e $(( $(date +%s) - t0 ))s] $*"; }
# A failure before the runner starts still ends with the summary line CI reads.
trap 'rc=$?; if [ "$rc" -ne 0 ]; then echo "[e2e] failed before any scenario ran (exit $rc)"; echo "0 passed, 1 failed"; fi' EXIT

say "runtime (Node 24, n8n, chromium)"
setup_out=$(bash test/e2e/setup.sh)
NODE24_BIN=$(sed -n 's/^NODE24_BIN=//p' <<<"$setup_out")
N8N_SCRIPT=$(sed -n 's/^N8N_SCRIPT=//p' <<<"$setup_out")

say "npm run build"
npm run -s build

say "compiling the runner and the simulator (test/e2e/.build)"
rm -rf test/e2e/.build
npx tsc -p test/e2e/tsconfig.json

say "npm pack"
mkdir -p test/e2e/.build/pack
tarball=$(npm pack --silent --pack-destination test/e2e/.build/pack | tail -n 1)
tarball="$PWD/test/e2e/.build/pack/$tarball"
[ -f "$tarball" ] || { echo "npm pack produced no tarball" >&2; exit 1; }
say "packed $(basename "$tarball") ($(tar -tzf "$tarball" | wc -l) files)"

export E2E_NODE24_BIN="$NODE24_BIN"
export E2E_N8N_SCRIPT="$N8N_SCRIPT"
export E2E_TARBALL="$tarball"
say "running the scenarios"
exec node test/e2e/.build/test/e2e/runner.js "$@"
