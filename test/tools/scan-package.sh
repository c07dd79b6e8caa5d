#!/usr/bin/env bash
# npm run scan: n8n's own community-package scanner (@n8n/scan-community-package) on this package.
# Its CLI only takes a published package name: it downloads the tarball from the npm registry, checks
# the npm provenance attestation, fetches the attested GitHub source and lints both. Before a release
# none of that exists, so this runs the scanner's own analysis (its exported `analyzePackage` and
# rule set, unchanged) on the same two legs: the source (package.json, nodes/, credentials/) and the
# packed tarball (compiled .js + package.json). The provenance check itself runs only after a real
# publish (`npx @n8n/scan-community-package n8n-nodes-docusign`), see the README.
# A planted violation must make the scan fail, so a scan that checks nothing cannot pass.
set -euo pipefail
SCANNER_VERSION=0.32.0
root=$(cd "$(dirname "$0")/../.." && pwd)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-docusign/scan-community-package-$SCANNER_VERSION"

# Under `npm run`, npm's settings (the repo's ignore-scripts, prefix…) arrive as npm_config_*.
for var in $(compgen -e | grep -i '^npm_config_'); do
	case "${var,,}" in
	npm_config_cache | npm_config_registry | npm_config_userconfig) ;;
	*) unset "$var" ;;
	esac
done

if [ ! -f "$cache/.complete" ]; then
	echo "[scan] installing @n8n/scan-community-package@$SCANNER_VERSION into $cache"
	rm -rf "$cache" && mkdir -p "$cache"
	printf '{"name":"scanner-runtime","private":true}\n' >"$cache/package.json"
	# A dependency's preinstall runs `npx only-allow pnpm`; the scanner needs no install script.
	(cd "$cache" && npm install --no-save --no-audit --no-fund --loglevel=error --ignore-scripts \
		"@n8n/scan-community-package@$SCANNER_VERSION")
	touch "$cache/.complete"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
npm run -s build >/dev/null
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
mkdir -p "$work/package" "$work/planted"
tar -xzf "$work/$tarball" -C "$work/package" --strip-components=1
cp -r "$work/package/." "$work/planted/"
printf '\nsetTimeout(() => undefined, 1);\n' >>"$work/planted/dist/nodes/DocuSign/DocuSign.node.js"

node "$root/test/tools/scan-package.mjs" \
	"$cache/node_modules/@n8n/scan-community-package/scanner/scanner.mjs" "$root" "$work/package" "$work/planted"
