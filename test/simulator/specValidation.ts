/**
 * Validates request bodies against DocuSign's official OpenAPI definitions: eSignature REST v2.1 by
 * default, or another API's file in test/fixtures/docusign/ (`SPEC_FILES`: Web Forms, Maestro, Click).
 *
 * The spec's definitions don't set additionalProperties, so every object schema gets
 * `additionalProperties: false` here: a field unknown to the spec is an error (typos, wrong
 * nesting). Scalars are coerced as DocuSign does (it takes `true` and `"true"`, `1` and `"1"`).
 * The spec is DocuSign's last complete published v2.1 file (February 2022): NEWER_FIELDS lists real,
 * newer DocuSign fields it lacks.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

type Schema = Record<string, unknown>;

const SPEC_FILE = 'esignature.rest.swagger-v2.1.json';

/** The API descriptions the simulator validates against, by name (files in test/fixtures/docusign/). */
export const SPEC_FILES = {
	esignature: SPEC_FILE,
	webforms: 'webforms.rest.swagger-v1.1.0.json',
	maestro: 'maestro.rest.swagger-v1.0.0.json',
	click: 'click.rest.swagger-v1.json',
} as const;

export type SpecName = keyof typeof SPEC_FILES;
const stringArray = { type: 'array', items: { type: 'string' } };

/** Real DocuSign fields newer than the spec file, accepted on top of it. */
export const NEWER_FIELDS: Record<string, Record<string, Schema>> = {
	// Connect 2.0 style: events: ["envelope-sent", …] and deliveryMode "SIM" | "aggregate".
	connectCustomConfiguration: {
		events: stringArray,
		deliveryMode: { type: 'string' },
		includeOAuth: { type: 'string' },
		integratorManaged: { type: 'string' },
	},
	eventNotification: { events: stringArray, deliveryMode: { type: 'string' } },
};

/**
 * Where a spec is: for eSignature $DOCUSIGN_SPEC_PATH (an override), else the copy the repo ships in
 * test/fixtures/docusign/ (found from this file, also when compiled into .build/).
 */
export function findSpecFile(spec: SpecName = 'esignature'): string {
	const fromEnv = process.env.DOCUSIGN_SPEC_PATH;
	if (fromEnv && spec === 'esignature') return fromEnv;
	const file = SPEC_FILES[spec];
	for (let dir = __dirname; ; dir = dirname(dir)) {
		const candidate = join(dir, 'test', 'fixtures', 'docusign', file);
		if (existsSync(candidate)) return candidate;
		if (dirname(dir) === dir) break;
	}
	throw new Error(`${file} not found in the repo's test/fixtures/docusign/ (searched up from ${__dirname})`);
}

const SCALAR = 'docusignScalar';
const SCALAR_TYPES = ['string', 'number', 'boolean', 'null'];

/**
 * A lean copy of a spec schema for ajv: descriptions dropped, objects closed
 * (additionalProperties: false), and string scalars pointed at one shared "any scalar" schema,
 * which keeps ajv's compile of envelopeDefinition (≈400 reachable definitions) under a second.
 */
function lean(schema: unknown, keepRequired = false): unknown {
	if (!schema || typeof schema !== 'object') return schema;
	const node = schema as Schema;
	const sub = (value: unknown) => lean(value, keepRequired);
	if (node.$ref) return { $ref: node.$ref };
	// OpenAPI 3.1 (Maestro) wraps a single reference in allOf to add a description.
	if (keepRequired && Array.isArray(node.allOf) && node.allOf.length === 1 && !node.properties) return sub(node.allOf[0]);
	if (node.type === 'string' && !node.enum) return { $ref: `#/definitions/${SCALAR}` };
	const out: Schema = {};
	for (const key of ['type', 'enum'] as const) if (node[key] !== undefined) out[key] = node[key];
	if (keepRequired && Array.isArray(node.required)) out.required = node.required;
	if (node.items) out.items = sub(node.items);
	if (node.properties && typeof node.properties === 'object') {
		out.properties = Object.fromEntries(
			Object.entries(node.properties as Schema).map(([name, value]) => [name, sub(value)]),
		);
		out.additionalProperties = node.additionalProperties ?? false;
	}
	if (typeof node.additionalProperties === 'object') out.additionalProperties = sub(node.additionalProperties);
	return out;
}

interface LoadedSpec {
	ajv: Ajv;
	definitionNames: Set<string>;
	compiled: Map<string, ValidateFunction>;
}

const loaded = new Map<SpecName, LoadedSpec>();

/**
 * The spec's schemas by name: Swagger 2.0 `definitions`, or OpenAPI 3 `components.schemas` with
 * their `#/components/schemas/` references rewritten to `#/definitions/`.
 */
function readDefinitions(spec: SpecName): Record<string, Schema> {
	const text = readFileSync(findSpecFile(spec), 'utf8');
	const parsed = JSON.parse(text.replace(/#\/components\/schemas\//g, '#/definitions/')) as {
		definitions?: Record<string, Schema>;
		components?: { schemas?: Record<string, Schema> };
	};
	return parsed.definitions ?? parsed.components?.schemas ?? {};
}

function loadSpec(spec: SpecName): LoadedSpec {
	const definitions = readDefinitions(spec);
	if (spec === 'esignature') {
		for (const [name, extra] of Object.entries(NEWER_FIELDS)) {
			Object.assign((definitions[name].properties ??= {}) as Schema, extra);
		}
	}
	// The spec references a few definitions it does not contain: accept any object there.
	for (const [, name] of JSON.stringify(definitions).matchAll(/#\/definitions\/([\w.-]+)"/g)) {
		definitions[name] ??= { type: 'object' };
	}
	// The newer specs' required fields are enforced; eSignature keeps the checks it always had.
	const keepRequired = spec !== 'esignature';
	const leanDefinitions: Schema = { [SCALAR]: { type: SCALAR_TYPES } };
	for (const [name, schema] of Object.entries(definitions)) leanDefinitions[name] = lean(schema, keepRequired);
	const ajv = new Ajv({
		strict: false,
		allErrors: true,
		coerceTypes: true,
		validateFormats: false,
		inlineRefs: false,
		code: { optimize: false },
	});
	ajv.addSchema({ $id: `docusign-${spec}`, definitions: leanDefinitions });
	return { ajv, definitionNames: new Set(Object.keys(definitions)), compiled: new Map() };
}

function validatorFor(definitionName: string, spec: SpecName): ValidateFunction {
	let entry = loaded.get(spec);
	if (!entry) {
		entry = loadSpec(spec);
		loaded.set(spec, entry);
	}
	if (!entry.definitionNames.has(definitionName)) throw new Error(`The ${spec} spec has no definition "${definitionName}"`);
	let validate = entry.compiled.get(definitionName);
	if (!validate) {
		validate = entry.ajv.getSchema(`docusign-${spec}#/definitions/${definitionName}`)!;
		entry.compiled.set(definitionName, validate);
	}
	return validate;
}

export interface SpecIssue {
	/** Dotted path of the offending value, e.g. "recipients.signers[0].emial". */
	path: string;
	message: string;
}

export interface SpecValidationResult {
	valid: boolean;
	issues: SpecIssue[];
	/** One line naming every issue (empty when valid). */
	message: string;
}

function dotted(instancePath: string): string {
	return instancePath
		.split('/')
		.slice(1)
		.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
		.reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

function toIssue(error: ErrorObject): SpecIssue {
	const at = dotted(error.instancePath);
	if (error.keyword === 'additionalProperties') {
		const field = (error.params as { additionalProperty: string }).additionalProperty;
		const path = at ? `${at}.${field}` : field;
		return { path, message: `Unknown property '${path}'` };
	}
	const scalar = error.keyword === 'type' && String((error.params as { type: unknown }).type) === SCALAR_TYPES.join(',');
	const why = scalar ? 'must be a string' : (error.message ?? 'is invalid');
	return { path: at, message: `'${at || '(body)'}' ${why}` };
}

/**
 * Checks `body` against spec definition `definitionName` (e.g. "envelopeDefinition") of the
 * eSignature spec, or of another API's spec (`'webforms'`, `'maestro'`, `'click'`).
 */
export function validateAgainstSpec(definitionName: string, body: unknown, spec: SpecName = 'esignature'): SpecValidationResult {
	const validate = validatorFor(definitionName, spec);
	const copy = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
	const valid = validate(copy) as boolean;
	const issues = valid ? [] : dedupe((validate.errors ?? []).map(toIssue));
	return { valid, issues, message: issues.map((i) => i.message).join('; ') };
}

/** Throws an Error naming every issue when `body` does not match the definition (for jest/nock). */
export function assertMatchesSpec(definitionName: string, body: unknown, spec: SpecName = 'esignature'): void {
	const result = validateAgainstSpec(definitionName, body, spec);
	if (!result.valid) throw new Error(`Body does not match spec definition ${definitionName}: ${result.message}`);
}

function dedupe(issues: SpecIssue[]): SpecIssue[] {
	const seen = new Set<string>();
	return issues.filter((i) => (seen.has(i.message) ? false : (seen.add(i.message), true)));
}
