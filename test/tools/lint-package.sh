#!/usr/bin/env bash
# `n8n-node lint` runs `eslint .` with the strict default config, which would apply the rules for
# shipped node code to the tests as well (they need process, fs, nock…). So lint exactly what the
# package is made of, unchanged, from a staged copy: nodes/, credentials/, package.json and configs.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -r "$root"/{nodes,credentials,package.json,eslint.config.mjs,tsconfig.json,gulpfile.js} "$stage"/
ln -s "$root/node_modules" "$stage/node_modules"
cd "$stage"
if grep -rn "eslint-disable" nodes credentials; then
	echo "eslint-disable comments are not allowed in the package" >&2
	exit 1
fi
"$root/node_modules/.bin/n8n-node" lint "$@"
