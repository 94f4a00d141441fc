// core/mention/mention.schema.json against the TypeScript `Mention` type and against
// validateMention. Plain JS (it reads files and runs the TypeScript compiler API, which lint
// does not allow in .ts tests).
//
// 1. Type ↔ schema: the Mention interface is read with the compiler API (typescript, a
//    devDependency) and every property is compared both ways: same names, same required /
//    optional, same JSON types (string, number, boolean, null, array items, enum values).
//    A field added to one and not the other fails.
// 2. validateMention ↔ schema: every record of the shipped sample passes both and comes out of
//    validateMention unchanged; a record broken field by field is either rejected by
//    validateMention at that field or normalised into a record the schema accepts.
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const { validateMention } = require('../../../core/mention/validateMention');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TYPE_FILE = path.join(ROOT, 'core', 'mention', 'mention.ts');
const SCHEMA_FILE = path.join(ROOT, 'core', 'mention', 'mention.schema.json');
const SAMPLE_FILE = path.join(ROOT, 'samples', 'orvia-data-leak.sample.json');

/** Schema properties that are not part of the Mention type, each with its reason. */
const SCHEMA_ONLY = {
	crisis: 'added by Crisis Score › Score Mentions (ScoredMention in core/scoring/situation.ts), not by sources',
};

// ---------------------------------------------------------------------------------------
// The TypeScript type, as a JSON-schema-like description

/** { properties: { name: { optional, shape } } } where shape is { types:Set, enum?, items?, object? }. */
function describeInterface(fileName, interfaceName) {
	const program = ts.createProgram([fileName], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2020 });
	const checker = program.getTypeChecker();
	const source = program.getSourceFile(fileName);
	let decl;
	ts.forEachChild(source, (node) => {
		if (ts.isInterfaceDeclaration(node) && node.name.text === interfaceName) decl = node;
	});
	if (!decl) throw new Error(`interface ${interfaceName} not found in ${fileName}`);
	return describeObject(checker, checker.getTypeAtLocation(decl), interfaceName);
}

function describeObject(checker, type, where) {
	const properties = {};
	for (const symbol of checker.getPropertiesOfType(type)) {
		const declaration = symbol.valueDeclaration || symbol.declarations[0];
		const propType = checker.getTypeOfSymbolAtLocation(symbol, declaration);
		const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0;
		properties[symbol.name] = { optional, shape: describeType(checker, propType, `${where}.${symbol.name}`, optional) };
	}
	return { properties };
}

function describeType(checker, type, where, optional) {
	const parts = type.isUnion() ? type.types : [type];
	const types = new Set();
	const literals = [];
	let items;
	let object;
	for (const t of parts) {
		const f = t.flags;
		if (f & ts.TypeFlags.Undefined && optional) continue; // `x?: T` is T | undefined
		if (f & ts.TypeFlags.Unknown || f & ts.TypeFlags.Any) return { any: true };
		if (f & ts.TypeFlags.StringLiteral) literals.push(t.value);
		else if (f & ts.TypeFlags.String) types.add('string');
		else if (f & ts.TypeFlags.Number) types.add('number');
		else if (f & ts.TypeFlags.BooleanLiteral || f & ts.TypeFlags.Boolean) types.add('boolean');
		else if (f & ts.TypeFlags.Null) types.add('null');
		else if (checker.isArrayType(t)) {
			types.add('array');
			items = describeType(checker, checker.getTypeArguments(t)[0], `${where}[]`, false);
		} else if (f & ts.TypeFlags.Object) {
			types.add('object');
			object = describeObject(checker, t, where);
		} else throw new Error(`${where}: a TypeScript type this check does not know (${checker.typeToString(t)})`);
	}
	if (literals.length) return { enum: literals.sort(), types };
	return { types, items, object };
}

// ---------------------------------------------------------------------------------------
// Comparison, both ways

function schemaShape(schema) {
	if (schema.enum) return { enum: [...schema.enum].sort(), types: new Set() };
	if (schema.type === undefined) return { any: true };
	const types = new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
	return { types, items: schema.items && schemaShape(schema.items), object: schema.properties && { schema } };
}

/** Every difference between the type description and the schema, as readable lines. */
function compare(typeObject, schema, where, ignore = {}) {
	const diffs = [];
	const schemaProps = schema.properties || {};
	const required = new Set(schema.required || []);
	const names = new Set([...Object.keys(typeObject.properties), ...Object.keys(schemaProps)]);
	for (const name of [...names].sort()) {
		if (ignore[name]) {
			if (typeObject.properties[name]) diffs.push(`${where}.${name}: in the type, but listed as schema-only (${ignore[name]})`);
			if (!schemaProps[name]) diffs.push(`${where}.${name}: listed as schema-only but not in the schema`);
			continue;
		}
		const t = typeObject.properties[name];
		const s = schemaProps[name];
		if (!t) {
			diffs.push(`${where}.${name}: in the schema, not in the TypeScript type`);
			continue;
		}
		if (!s) {
			diffs.push(`${where}.${name}: in the TypeScript type, not in the schema`);
			continue;
		}
		if (t.optional === required.has(name)) {
			diffs.push(`${where}.${name}: ${t.optional ? 'optional' : 'required'} in the type, ${required.has(name) ? 'required' : 'optional'} in the schema`);
		}
		diffs.push(...compareShape(t.shape, s, `${where}.${name}`));
	}
	for (const name of required) if (!schemaProps[name]) diffs.push(`${where}.${name}: required in the schema but has no property`);
	return diffs;
}

function compareShape(typeShape, schema, where) {
	const s = schemaShape(schema);
	if (typeShape.any || s.any) return typeShape.any && s.any ? [] : [`${where}: ${typeShape.any ? 'any value in the type' : 'any value in the schema'} only`];
	const diffs = [];
	if (typeShape.enum || s.enum) {
		if (JSON.stringify(typeShape.enum) !== JSON.stringify(s.enum)) {
			diffs.push(`${where}: values ${JSON.stringify(typeShape.enum || [...typeShape.types])} in the type, ${JSON.stringify(s.enum || [...s.types])} in the schema`);
		}
		return diffs;
	}
	const a = [...typeShape.types].sort().join('|');
	const b = [...s.types].sort().join('|');
	if (a !== b) diffs.push(`${where}: ${a} in the type, ${b} in the schema`);
	if (typeShape.items && schema.items) diffs.push(...compareShape(typeShape.items, schema.items, `${where}[]`));
	if (typeShape.object && schema.properties) diffs.push(...compare(typeShape.object, schema, where));
	return diffs;
}

// ---------------------------------------------------------------------------------------
// A checker for the part of JSON Schema the file uses (an unknown keyword is an error, so a
// new keyword in the schema cannot be silently ignored here).

const KNOWN_KEYWORDS = new Set(['$schema', '$id', 'title', 'description', 'type', 'required', 'properties', 'enum', 'pattern', 'minLength', 'minimum', 'maximum', 'items', 'format']);

function jsonType(v) {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'array';
	return typeof v;
}

function schemaErrors(schema, value, where = 'mention') {
	for (const k of Object.keys(schema)) if (!KNOWN_KEYWORDS.has(k)) throw new Error(`schema keyword "${k}" at ${where} is not checked by this test`);
	const errors = [];
	if (schema.enum && !schema.enum.includes(value)) errors.push(`${where}: not one of the enum values`);
	if (schema.type) {
		const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
		if (!allowed.includes(jsonType(value))) return [...errors, `${where}: ${jsonType(value)} is not ${allowed.join('|')}`];
	}
	if (typeof value === 'string') {
		if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${where}: does not match ${schema.pattern}`);
		if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${where}: shorter than ${schema.minLength}`);
		if (schema.format === 'date-time' && !Number.isFinite(Date.parse(value))) errors.push(`${where}: not a date-time`);
	}
	if (typeof value === 'number') {
		if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${where}: below ${schema.minimum}`);
		if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${where}: above ${schema.maximum}`);
	}
	if (Array.isArray(value) && schema.items) value.forEach((v, i) => errors.push(...schemaErrors(schema.items, v, `${where}[${i}]`)));
	if (jsonType(value) === 'object' && schema.properties) {
		for (const r of schema.required || []) if (!(r in value)) errors.push(`${where}.${r}: missing`);
		for (const [k, v] of Object.entries(value)) {
			if (!schema.properties[k]) errors.push(`${where}.${k}: not in the schema`);
			else errors.push(...schemaErrors(schema.properties[k], v, `${where}.${k}`));
		}
	}
	return errors;
}

// ---------------------------------------------------------------------------------------

const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
const typeDescription = describeInterface(TYPE_FILE, 'Mention');
const sample = JSON.parse(fs.readFileSync(SAMPLE_FILE, 'utf8')).mentions;

describe('mention.schema.json against the TypeScript Mention type', () => {
	test('the type is read (the check looks at real properties)', () => {
		expect(Object.keys(typeDescription.properties)).toEqual(expect.arrayContaining(['id', 'platform', 'author', 'engagement', 'hashtags', 'raw', 'publishedAtEstimated']));
		expect(typeDescription.properties.author.shape.object.properties.followers.shape.types).toEqual(new Set(['number', 'null']));
	});

	test('same properties, same required/optional, same types, both ways', () => {
		expect(compare(typeDescription, schema, 'Mention', SCHEMA_ONLY)).toEqual([]);
	});

	test('a field added to only one side is found, in either direction and at any depth', () => {
		const clone = () => JSON.parse(JSON.stringify(schema));
		const added = clone();
		added.properties.sentiment = { type: 'string' };
		expect(compare(typeDescription, added, 'Mention', SCHEMA_ONLY)).toEqual(['Mention.sentiment: in the schema, not in the TypeScript type']);
		const removed = clone();
		delete removed.properties.rating;
		removed.required = removed.required.filter((r) => r !== 'rating');
		expect(compare(typeDescription, removed, 'Mention', SCHEMA_ONLY)).toEqual(['Mention.rating: in the TypeScript type, not in the schema']);
		const nested = clone();
		nested.properties.author.properties.location = { type: 'string' };
		expect(compare(typeDescription, nested, 'Mention', SCHEMA_ONLY)).toEqual(['Mention.author.location: in the schema, not in the TypeScript type']);
		const optional = clone();
		optional.required = optional.required.filter((r) => r !== 'title');
		expect(compare(typeDescription, optional, 'Mention', SCHEMA_ONLY)).toEqual(['Mention.title: required in the type, optional in the schema']);
		const retyped = clone();
		retyped.properties.engagement.properties.views.type = 'number';
		expect(compare(typeDescription, retyped, 'Mention', SCHEMA_ONLY)).toEqual(['Mention.engagement.views: null|number in the type, number in the schema']);
		const platforms = clone();
		platforms.properties.platform.enum = platforms.properties.platform.enum.filter((p) => p !== 'youtube');
		expect(compare(typeDescription, platforms, 'Mention', SCHEMA_ONLY)).toHaveLength(1);
	});
});

describe('mention.schema.json against validateMention', () => {
	test(`the ${sample.length} sample records pass both and validateMention returns them unchanged`, () => {
		expect(sample.length).toBeGreaterThan(100);
		for (const record of sample) {
			expect(schemaErrors(schema, record)).toEqual([]);
			const result = validateMention(record);
			expect(result.ok).toBe(true);
			expect(result.mention).toEqual(record);
		}
	});

	test('with the optional fields set, the output still fits the schema', () => {
		const record = { ...sample[0], publishedAtEstimated: 'no date in the item', raw: { any: ['thing'] } };
		const result = validateMention(record);
		expect(result.ok).toBe(true);
		expect(schemaErrors(schema, result.mention)).toEqual([]);
		expect(Object.keys(result.mention).sort()).toEqual(Object.keys(record).sort());
	});

	// Every field of the schema, broken in turn (a wrong type, then removed): validateMention
	// either rejects the record at that field or normalises it into one the schema accepts.
	const leaves = [];
	const walk = (s, prefix) => {
		for (const [k, v] of Object.entries(s.properties)) {
			const p = prefix ? `${prefix}.${k}` : k;
			if (v.properties) walk(v, p);
			leaves.push(p);
		}
	};
	walk(schema, '');
	const setPath = (obj, p, value) => {
		const keys = p.split('.');
		let cur = obj;
		for (const k of keys.slice(0, -1)) cur = cur[k];
		if (value === undefined) delete cur[keys[keys.length - 1]];
		else cur[keys[keys.length - 1]] = value;
	};

	test.each(leaves.filter((p) => !SCHEMA_ONLY[p] && p !== 'raw'))('%s: broken, it is rejected there or normalised into the schema', (p) => {
		for (const bad of [{ wrong: true }, -1, undefined]) {
			const record = JSON.parse(JSON.stringify(sample[0]));
			setPath(record, p, bad);
			const result = validateMention(record);
			if (result.ok) expect(schemaErrors(schema, result.mention)).toEqual([]);
			else {
				// At the field, inside it (author → author.handle) or at its parent (author.x → author).
				const parent = p.split('.')[0];
				const there = result.errors.filter((e) => e.path === p || e.path.startsWith(`${p}.`) || e.path === parent);
				expect(there.length).toBeGreaterThan(0);
			}
		}
	});
});
