/**
 * Loads `jose` so that it works under plain Node and inside jest, for jose 5 (CommonJS build) and
 * jose 6 (ESM only) alike.
 *
 * Jest runs CommonJS in its own module registry, which cannot load an ES module, and it patches
 * `module.createRequire` too. `process.getBuiltinModule` (Node ≥ 20.16) hands out Node's real
 * `module`, whose require() loads ES modules natively (Node ≥ 20.19 / 22.12 / 24).
 */
import type * as Jose from 'jose';

type JoseModule = typeof Jose;
let cached: JoseModule | undefined;

export function loadJose(): JoseModule {
	if (cached) return cached;
	const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
	const nodeModule = getBuiltin?.call(process, 'node:module') as typeof import('node:module') | undefined;
	const realRequire = nodeModule ? nodeModule.createRequire(__filename) : require;
	cached = realRequire('jose') as JoseModule;
	return cached;
}
