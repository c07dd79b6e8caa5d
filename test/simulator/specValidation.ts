/**
 * Validates request bodies against the official eSignature REST v2.1 OpenAPI definitions.
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
 * Where the spec is: $DOCUSIGN_SPEC_PATH (an override), else the copy the repo ships in
 * test/fixtures/docusign/ (found from this file, also when compiled into .build/).
 */
export function findSpecFile(): string {
	const fromEnv = process.env.DOCUSIGN_SPEC_PATH;
	if (fromEnv) return fromEnv;
	for (let dir = __dirname; ; dir = dirname(dir)) {
		const candidate = join(dir, 'test', 'fixtures', 'docusign', SPEC_FILE);
		if (existsSync(candidate)) return candidate;
		if (dirname(dir) === dir) break;
	}
	throw new Error(`${SPEC_FILE} not found in the repo's test/fixtures/docusign/ (searched up from ${__dirname})`);
}

const SCALAR = 'docusignScalar';
const SCALAR_TYPES = ['string', 'number', 'boolean', 'null'];

/**
 * A lean copy of a spec schema for ajv: descriptions dropped, objects closed
 * (additionalProperties: false), and string scalars pointed at one shared "any scalar" schema,
 * which keeps ajv's compile of envelopeDefinition (≈400 reachable definitions) under a second.
 */
function lean(schema: unknown): unknown {
	if (!schema || typeof schema !== 'object') return schema;
	const node = schema as Schema;
	if (node.$ref) return { $ref: node.$ref };
	if (node.type === 'string' && !node.enum) return { $ref: `#/definitions/${SCALAR}` };
	const out: Schema = {};
	for (const key of ['type', 'enum'] as const) if (node[key] !== undefined) out[key] = node[key];
	if (node.items) out.items = lean(node.items);
	if (node.properties && typeof node.properties === 'object') {
		out.properties = Object.fromEntries(
			Object.entries(node.properties as Schema).map(([name, value]) => [name, lean(value)]),
		);
		out.additionalProperties = node.additionalProperties ?? false;
	}
	if (typeof node.additionalProperties === 'object') out.additionalProperties = lean(node.additionalProperties);
	return out;
}

let ajv: Ajv | undefined;
let definitionNames: Set<string> | undefined;
const compiled = new Map<string, ValidateFunction>();

function validatorFor(definitionName: string): ValidateFunction {
	if (!ajv) {
		const spec = JSON.parse(readFileSync(findSpecFile(), 'utf8')) as { definitions: Record<string, Schema> };
		const definitions = spec.definitions;
		for (const [name, extra] of Object.entries(NEWER_FIELDS)) {
			Object.assign((definitions[name].properties ??= {}) as Schema, extra);
		}
		// The spec references a few definitions it does not contain: accept any object there.
		for (const [, name] of JSON.stringify(definitions).matchAll(/#\/definitions\/([\w.-]+)"/g)) {
			definitions[name] ??= { type: 'object' };
		}
		definitionNames = new Set(Object.keys(definitions));
		const leanDefinitions: Schema = { [SCALAR]: { type: SCALAR_TYPES } };
		for (const [name, schema] of Object.entries(definitions)) leanDefinitions[name] = lean(schema);
		ajv = new Ajv({
			strict: false,
			allErrors: true,
			coerceTypes: true,
			validateFormats: false,
			inlineRefs: false,
			code: { optimize: false },
		});
		ajv.addSchema({ $id: 'docusign-esignature', definitions: leanDefinitions });
	}
	if (!definitionNames!.has(definitionName)) throw new Error(`The spec has no definition "${definitionName}"`);
	let validate = compiled.get(definitionName);
	if (!validate) {
		validate = ajv.getSchema(`docusign-esignature#/definitions/${definitionName}`)!;
		compiled.set(definitionName, validate);
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

/** Checks `body` against spec definition `definitionName` (e.g. "envelopeDefinition"). */
export function validateAgainstSpec(definitionName: string, body: unknown): SpecValidationResult {
	const validate = validatorFor(definitionName);
	const copy = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
	const valid = validate(copy) as boolean;
	const issues = valid ? [] : dedupe((validate.errors ?? []).map(toIssue));
	return { valid, issues, message: issues.map((i) => i.message).join('; ') };
}

/** Throws an Error naming every issue when `body` does not match the definition (for jest/nock). */
export function assertMatchesSpec(definitionName: string, body: unknown): void {
	const result = validateAgainstSpec(definitionName, body);
	if (!result.valid) throw new Error(`Body does not match spec definition ${definitionName}: ${result.message}`);
}

function dedupe(issues: SpecIssue[]): SpecIssue[] {
	const seen = new Set<string>();
	return issues.filter((i) => (seen.has(i.message) ? false : (seen.add(i.message), true)));
}
