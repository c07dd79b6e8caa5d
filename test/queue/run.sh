#!/usr/bin/env bash
# npm run test:queue [-- FILTER…]: the package in n8n's queue mode (scale-out engine) on loopback:
# Redis and PostgreSQL 15 (Debian packages, installed when absent, run from private temp folders),
# n8n 2.41.1 main + two workers sharing the packed package as a community install, and the DocuSign
# simulator. FILTER = substrings of scenario names. QUEUE_KEEP=1 keeps the temp folders and logs.
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$(date +%s)
say() { echo "[queue $(( $(date +%s) - t0 ))s] $*"; }
# A failure before the runner starts still ends with the summary line CI reads.
trap 'rc=$?; if [ "$rc" -ne 0 ]; then echo "[queue] failed before any scenario ran (exit $rc)"; echo "0 passed, 1 failed"; fi' EXIT

say "runtime (Node 24, n8n) via test/e2e/setup.sh"
setup_out=$(bash test/e2e/setup.sh)
NODE24_BIN=$(sed -n 's/^NODE24_BIN=//p' <<<"$setup_out")
N8N_SCRIPT=$(sed -n 's/^N8N_SCRIPT=//p' <<<"$setup_out")

# Redis and PostgreSQL 15 from Debian. Their services are never started: the runner starts private
# instances on free loopback ports and stops them at the end.
# PostgreSQL 15 (what the suite was written against); another Debian major works the same way.
pg_bin() { for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do [ -x "$d/postgres" ] && [ -x "$d/initdb" ] && { echo "$d"; return 0; }; done; return 1; }
missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
pg_bin >/dev/null || missing+=(postgresql-15)
command -v psql >/dev/null || missing+=(postgresql-client-15)
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		say "installing ${missing[*]} (apt-get)"
		apt-get update -qq
		# policy-rc.d 101: the packages' service scripts must not start system instances.
		own_policy=0
		if [ ! -e /usr/sbin/policy-rc.d ]; then
			printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
			chmod +x /usr/sbin/policy-rc.d
			own_policy=1
		fi
		if ! apt-cache show postgresql-15 >/dev/null 2>&1; then
			# A Debian without PostgreSQL 15 (e.g. 13): its own major.
			missing=("${missing[@]/postgresql-15/postgresql}")
			missing=("${missing[@]/postgresql-client-15/postgresql-client}")
		fi
		rc=0
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || rc=$?
		[ "$own_policy" = 0 ] || rm -f /usr/sbin/policy-rc.d
		[ "$rc" = 0 ] || { echo "[queue] apt-get install ${missing[*]} failed ($rc)" >&2; exit 1; }
	else
		echo "[queue] missing ${missing[*]} and cannot apt-get install them (not root)" >&2
		exit 1
	fi
fi
PG_BIN=$(pg_bin)
say "redis $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p'), postgres $("$PG_BIN/postgres" --version | awk '{print $3}')"

say "npm run build"
npm run -s build

say "compiling the runner (test/queue/.build)"
rm -rf test/queue/.build
npx tsc -p test/queue/tsconfig.json

say "npm pack"
mkdir -p test/queue/.build/pack
tarball=$(npm pack --silent --pack-destination test/queue/.build/pack | tail -n 1)
tarball="$PWD/test/queue/.build/pack/$tarball"
[ -f "$tarball" ] || { echo "npm pack produced no tarball" >&2; exit 1; }

export E2E_NODE24_BIN="$NODE24_BIN"
export E2E_N8N_SCRIPT="$N8N_SCRIPT"
export E2E_TARBALL="$tarball"
export QUEUE_PG_BIN="$PG_BIN"
say "running the scenarios"
trap - EXIT
exec node test/queue/.build/test/queue/runner.js "$@"
