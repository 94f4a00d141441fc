/**
 * Fuzz run: 10,000 broken documents made from the default one by seeded, reproducible
 * mutations. Every one must be rejected with an error at exactly the path that was broken,
 * and the validator must never throw — on those and on random non-documents.
 */
import { defaultCrisisDocument, validateCrisisDocument } from '../../../core/document';
import type { ValidationIssue } from '../../../core/document';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Segment = string | number;

/** mulberry32: small, fast, seedable. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pathText(segments: Segment[]): string {
	let out = '';
	for (const s of segments) {
		if (typeof s === 'number') out += `[${s}]`;
		else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s)) out += out ? `.${s}` : s;
		else out += `[${JSON.stringify(s)}]`;
	}
	return out === '' ? 'document' : out;
}

function typeOf(v: Json): string {
	return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

interface Node {
	segments: Segment[];
	value: Json;
	parent: Json | null;
}

function collect(value: Json, segments: Segment[], parent: Json | null, out: Node[]): void {
	out.push({ segments, value, parent });
	if (Array.isArray(value)) value.forEach((v, i) => collect(v, [...segments, i], value, out));
	else if (value && typeof value === 'object') for (const k of Object.keys(value)) collect(value[k], [...segments, k], value, out);
}

const ORIGINAL = defaultCrisisDocument() as unknown as Json;
const NODES: Node[] = [];
collect(ORIGINAL, [], null, NODES);
const INNER = NODES.filter((n) => n.segments.length > 0);
const LEVEL_KEYS = ['watch', 'alert', 'crisis', 'critical'];
const ALWAYS_OPTIONAL = ['backupOwner', 'operation', 'phone', 'deputy', 'short', 'changes', 'approval', 'update', 'resolution'];

/** Keys whose deletion leaves a valid document (or breaks a reference elsewhere): not used for deletion. */
function deletable(n: Node): boolean {
	const key = n.segments[n.segments.length - 1];
	if (typeof key !== 'string' || Array.isArray(n.parent)) return false;
	const parentKey = n.segments[n.segments.length - 2];
	const grand = n.segments[n.segments.length - 3];
	if (ALWAYS_OPTIONAL.includes(key)) return false;
	if (key === 'ref') return false;
	if (parentKey === 'steps' && n.segments.length === 2) return false; // library entries are a map
	if (parentKey === 'handles') return false;
	if (parentKey === 'levels' && typeof grand === 'number' && LEVEL_KEYS.includes(key)) return false;
	if (key === 'stance' && typeof parentKey === 'string' && LEVEL_KEYS.includes(parentKey)) return false;
	const parent = n.parent as Record<string, Json>;
	if (parent && 'ref' in parent && ['owner', 'channel', 'deadlineMinutes'].includes(key)) return false;
	return true;
}

function setAt(doc: Json, segments: Segment[], value: Json | undefined): void {
	let cur = doc as unknown as Record<string | number, unknown>;
	for (const s of segments.slice(0, -1)) cur = cur[s] as Record<string | number, unknown>;
	const last = segments[segments.length - 1];
	if (value === undefined) delete cur[last];
	else cur[last] = value;
}

const RETYPES: Json[] = ['soon', 42, true, null, [], {}];

interface Mutation {
	kind: string;
	expectedPath: string;
}

function isRelated(a: Segment[], b: Segment[]): boolean {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
	return true;
}

function pick<T>(rand: () => number, list: T[]): T {
	return list[Math.floor(rand() * list.length)];
}

/** Applies one structural mutation to `doc` at `node`; returns the path the error must name, or null if none applies. */
function structural(rand: () => number, doc: Json, node: Node): Mutation | null {
	const v = node.value;
	const t = typeOf(v);
	const options: string[] = ['retype'];
	if (t === 'number') options.push('negative');
	if (t === 'string') options.push('empty', 'blank');
	if (t === 'object') options.push('unknownKey');
	if (deletable(node)) options.push('delete');
	const kind = pick(rand, options);
	const path = pathText(node.segments);
	switch (kind) {
		case 'retype': {
			const replacement = pick(rand, RETYPES.filter((r) => typeOf(r) !== t));
			setAt(doc, node.segments, JSON.parse(JSON.stringify(replacement)) as Json);
			return { kind, expectedPath: path };
		}
		case 'negative':
			setAt(doc, node.segments, -1 - Math.floor(rand() * 100));
			return { kind, expectedPath: path };
		case 'empty':
			setAt(doc, node.segments, '');
			return { kind, expectedPath: path };
		case 'blank':
			setAt(doc, node.segments, ' \t ');
			return { kind, expectedPath: path };
		case 'unknownKey':
			setAt(doc, [...node.segments, '__fuzz'], { fuzz: true });
			return { kind, expectedPath: pathText([...node.segments, '__fuzz']) };
		case 'delete':
			setAt(doc, node.segments, undefined);
			return { kind, expectedPath: path };
		default:
			return null;
	}
}

const OWNER_NODES = INNER.filter((n) => ['owner', 'approver', 'backupOwner'].includes(String(n.segments[n.segments.length - 1])));
const REF_NODES = INNER.filter((n) => n.segments[n.segments.length - 1] === 'ref');
const TEMPLATE_NODES = INNER.filter((n) => n.segments.includes('statements') && typeof n.value === 'string');
const BAD_TEMPLATES = ['{nope}', '{{ $json.text }}', '{', '}', '{brand name}', '{handle}'];

/** Mutations of references and templates (one per document: they are checked on a well-formed document). */
function semantic(rand: () => number, doc: Json): Mutation {
	const kind = pick(rand, ['badOwner', 'badRef', 'badTemplate', 'duplicateScenario']);
	if (kind === 'badOwner') {
		const n = pick(rand, OWNER_NODES);
		setAt(doc, n.segments, `nobody${Math.floor(rand() * 1000)}`);
		return { kind, expectedPath: pathText(n.segments) };
	}
	if (kind === 'badRef') {
		const n = pick(rand, REF_NODES);
		setAt(doc, n.segments, 'noSuchStep');
		return { kind, expectedPath: pathText(n.segments) };
	}
	if (kind === 'badTemplate') {
		let n = pick(rand, TEMPLATE_NODES);
		let bad = pick(rand, BAD_TEMPLATES);
		// {handle} is valid in replies: use another breakage there.
		if (bad === '{handle}' && n.segments.includes('reply')) bad = '{nope}';
		const text = n.value as string;
		const at = Math.floor(rand() * (text.length + 1));
		setAt(doc, n.segments, `${text.slice(0, at)}${bad}${text.slice(at)}`);
		n = { ...n };
		return { kind, expectedPath: pathText(n.segments) };
	}
	const scenarios = (doc as unknown as { scenarios: Array<{ id: string }> }).scenarios;
	const j = 1 + Math.floor(rand() * (scenarios.length - 1));
	const i = Math.floor(rand() * j);
	scenarios[j].id = scenarios[i].id;
	return { kind, expectedPath: `scenarios[${j}].id` };
}

function wellFormed(errors: ValidationIssue[]): boolean {
	return errors.every((e) => e.message.startsWith(`${e.path}: `) && e.expected.length > 0 && e.got.length > 0);
}

describe('fuzzing the crisis document validator', () => {
	it('rejects 10,000 seeded broken documents, each with an error at the exact broken path', () => {
		const rand = prng(20260305);
		const kinds: Record<string, number> = {};
		const failures: string[] = [];
		let crashes = 0;
		const RUNS = 10_000;
		for (let run = 0; run < RUNS; run++) {
			const doc = JSON.parse(JSON.stringify(ORIGINAL)) as Json;
			const mutations: Mutation[] = [];
			if (rand() < 0.25) {
				mutations.push(semantic(rand, doc));
			} else {
				const count = 1 + Math.floor(rand() * 3);
				const chosen: Node[] = [];
				for (let tries = 0; chosen.length < count && tries < 20; tries++) {
					const n = pick(rand, INNER);
					if (chosen.some((c) => isRelated(c.segments, n.segments))) continue;
					chosen.push(n);
				}
				for (const n of chosen) {
					const m = structural(rand, doc, n);
					if (m) mutations.push(m);
				}
			}
			for (const m of mutations) kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
			let result;
			try {
				result = validateCrisisDocument(doc);
			} catch (error) {
				crashes++;
				failures.push(`run ${run}: threw ${String(error)}`);
				continue;
			}
			if (result.ok) {
				failures.push(`run ${run}: accepted after ${mutations.map((m) => `${m.kind} ${m.expectedPath}`).join(', ')}`);
				continue;
			}
			const paths = new Set(result.errors.map((e) => e.path));
			for (const m of mutations) {
				if (!paths.has(m.expectedPath)) {
					failures.push(`run ${run}: ${m.kind} at ${m.expectedPath} reported as ${result.errors.slice(0, 3).map((e) => e.message).join(' | ')}`);
				}
			}
			if (!wellFormed(result.errors)) failures.push(`run ${run}: malformed message ${result.errors[0].message}`);
		}
		expect(crashes).toBe(0);
		expect(failures.slice(0, 10)).toEqual([]);
		// Every kind of breakage was exercised many times.
		for (const kind of ['retype', 'negative', 'empty', 'blank', 'unknownKey', 'delete', 'badOwner', 'badRef', 'badTemplate', 'duplicateScenario']) {
			expect(kinds[kind]).toBeGreaterThan(200);
		}
	});

	it('never throws on random values, and always says where', () => {
		const rand = prng(7);
		const randomJson = (depth: number): Json => {
			const r = rand();
			if (depth > 4 || r < 0.3) return pick(rand, [null, true, 0, -3.5, '', 'soon', '{brand}', '__proto__'] as Json[]);
			if (r < 0.6) return Array.from({ length: Math.floor(rand() * 4) }, () => randomJson(depth + 1));
			const obj: Record<string, Json> = {};
			const keys = ['schemaVersion', 'brand', 'scenarios', 'levels', 'steps', 'contacts', 'constructor', '__proto__', 'x'];
			for (let i = 0; i < Math.floor(rand() * 6); i++) obj[pick(rand, keys)] = randomJson(depth + 1);
			return obj;
		};
		const text = JSON.stringify(ORIGINAL);
		for (let i = 0; i < 1000; i++) {
			const inputs: unknown[] = [randomJson(0), text.slice(0, Math.floor(rand() * text.length))];
			for (const input of inputs) {
				const result = validateCrisisDocument(input);
				expect(result.ok).toBe(false);
				if (!result.ok) {
					expect(result.errors.length).toBeGreaterThan(0);
					expect(wellFormed(result.errors)).toBe(true);
				}
			}
		}
	});
});
