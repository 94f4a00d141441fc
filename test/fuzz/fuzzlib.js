// JavaScript on purpose (fuzz tier: reads fixtures with fs, times cases). Deterministic fuzzing helpers:
// a seeded PRNG, text and JSON mutators seeded with real responses, and the case runner that enforces
// the only acceptable outcomes (a result the caller checks, or a clear error) under a per-case time limit.
const fs = require('fs');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '../..');
/** Evaluation data beside the repo (`../shared/data` from the repo root); null when absent. */
const SHARED = [path.resolve(REPO, '../shared/data'), '/work/shared/data'].find((p) => fs.existsSync(p)) || null;

/** Cases per target: 10,000 in CI (CK_FUZZ_CASES to change). */
const CASES = Number(process.env.CK_FUZZ_CASES || 10000);
/** Base seed (CK_FUZZ_SEED to reproduce another run). */
const SEED = Number(process.env.CK_FUZZ_SEED || 20260305);

/** mulberry32: small, fast, deterministic. */
function prng(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n) => Math.floor(next() * n);
	return { next, int, pick: (list) => list[int(list.length)], chance: (p) => next() < p };
}

/** Tokens that break parsers: markup openers without closers, entities, quotes, encodings. */
const HOSTILE_TOKENS = [
	'<a', '<a href="', '<script', '<script>', '</script>', '<style', '<!--', '-->', '<![CDATA[', ']]>', '&lt;a', '&lt;script',
	'<p ', '<br', '</p>', '<div>', '<item>', '</item>', '<entry>', '<?xml', '<!DOCTYPE html>', '<!ENTITY x "y">', '<title',
	'&amp;', '&amp;amp;', '&#x10FFFF;', '&#0;', '&#55296;', '&#xD800;', '&infin;', '&nbsp;', '&unknown;', '&',
	'"', "'", '=', '>', '<', '\\', '\\u0000', '\\ud800', '\u0000', '\ud800', '\udfff', '\uFFFD', '\uFEFF', '\u202E',
	'{', '}', '[', ']', ':', ',', 'null', 'true', '-1', '1e309', '12345678901234567890', 'NaN', '#tag', '@user',
	'http://', 'https://', 'javascript:alert(1)', '//evil.example', '%00', 'é', '漏洩', '🙂', ' ', '\t', '\r\n', '\n\n\n',
];

const RUN_UNITS = ['<a', '<script', '<!--', '&lt;a', 'a', ' ', '<b>', '&amp;', '<p ', '#', '[', '{"a":', '<title', '\u00e9'];

/** A hostile string: a token, a run of a pathological unit, or a mix. `maxRun` bounds run lengths. */
function hostileString(r, maxRun = 2048) {
	switch (r.int(4)) {
		case 0:
			return r.pick(HOSTILE_TOKENS);
		case 1:
			return r.pick(RUN_UNITS).repeat(1 + r.int(maxRun));
		case 2: {
			let s = '';
			for (let i = 1 + r.int(8); i > 0; i--) s += r.pick(HOSTILE_TOKENS);
			return s;
		}
		default:
			return String.fromCharCode(...Array.from({ length: 1 + r.int(24) }, () => r.int(0x10000)));
	}
}

/** Mutates text: insert/replace/delete/duplicate/truncate, with hostile tokens and runs. */
function mutateText(r, text, maxRun = 2048) {
	let s = text;
	for (let k = 1 + r.int(4); k > 0; k--) {
		const at = r.int(s.length + 1);
		switch (r.int(7)) {
			case 0:
				s = s.slice(0, at) + hostileString(r, maxRun) + s.slice(at);
				break;
			case 1:
				s = s.slice(0, at) + s.slice(at + 1 + r.int(64));
				break;
			case 2: {
				const len = 1 + r.int(256);
				s = s.slice(0, at) + s.slice(at, at + len).repeat(2 + r.int(8)) + s.slice(at);
				break;
			}
			case 3:
				s = s.slice(0, at); // truncated body
				break;
			case 4:
				s = s.slice(0, at) + r.pick(HOSTILE_TOKENS) + s.slice(at + 1 + r.int(16));
				break;
			case 5: {
				const b = r.int(s.length + 1);
				s = s.slice(0, Math.min(at, b)) + s.slice(Math.max(at, b)) + s.slice(Math.min(at, b), Math.max(at, b));
				break;
			}
			default:
				s = s.slice(0, at) + String.fromCharCode(r.int(0x10000)) + s.slice(at + 1);
		}
	}
	return s;
}

function randomValue(r, depth = 0) {
	switch (r.int(depth > 3 ? 7 : 9)) {
		case 0:
			return null;
		case 1:
			return r.chance(0.5);
		case 2:
			return r.pick([0, -1, 1.5, 2 ** 53 + 2, -(2 ** 63), 1e309 === Infinity ? 1e308 : 1, Number.MAX_SAFE_INTEGER, 1772702040]);
		case 3:
		case 4:
			return hostileString(r);
		case 5:
			return r.pick(['2026-03-05T09:14:00Z', 'Wed, 10 Jul 2019 11:53:37 +0000', '31.01.2020', '9999-99-99', '', '1772702040', 'yesterday']);
		case 6:
			return r.pick(['https://x.example/a?utm_source=y#f', 'javascript:alert(1)', 'http://', 'ftp://a', '//a.example/']);
		case 7:
			return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
		default: {
			const o = {};
			for (let i = r.int(4); i > 0; i--) o[r.pick(['id', 'text', 'data', 'content', 'created_at', 'url', 'author', 'kind', 'children', 'x'])] = randomValue(r, depth + 1);
			return o;
		}
	}
}

/** Every container path of a JSON value (arrays and objects), bounded. */
function containers(value, out = [], depth = 0) {
	if (out.length > 4000 || depth > 40) return out;
	if (value && typeof value === 'object') {
		out.push(value);
		for (const v of Array.isArray(value) ? value : Object.values(value)) containers(v, out, depth + 1);
	}
	return out;
}

/** Mutates a JSON value in place (a copy is passed in): replace, delete, duplicate, nest deeply, swap types. */
function mutateJson(r, value) {
	const nodes = containers(value);
	for (let k = 1 + r.int(4); k > 0 && nodes.length > 0; k--) {
		const node = r.pick(nodes);
		const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
		if (keys.length === 0) continue;
		const key = r.pick(keys);
		switch (r.int(8)) {
			case 0:
			case 1:
			case 2:
				node[key] = randomValue(r);
				break;
			case 3:
				if (Array.isArray(node)) node.splice(key, 1);
				else delete node[key];
				break;
			case 4:
				if (Array.isArray(node)) node.push(JSON.parse(JSON.stringify(node[key] ?? null)));
				else node[`${key}_`] = node[key];
				break;
			case 5: {
				let v = node[key];
				for (let d = 1 + r.int(200); d > 0; d--) v = r.chance(0.5) ? [v] : { data: v };
				node[key] = v;
				break;
			}
			case 6:
				if (typeof node[key] === 'string') node[key] = mutateText(r, node[key]);
				else node[key] = String(node[key]);
				break;
			default:
				if (typeof node[key] === 'string') node[key] = hostileString(r, 16384);
				else node[key] = typeof node[key] === 'number' ? String(node[key]) : randomValue(r);
		}
	}
	return value;
}

/** Keeps 1–3 random entries of the first large array found (small pages keep cases fast). */
function shrinkPage(r, value) {
	const arrays = containers(value).filter((n) => Array.isArray(n) && n.length > 3);
	for (const a of arrays.slice(0, 2)) {
		const keep = 1 + r.int(3);
		const start = r.int(a.length - keep + 1);
		a.splice(0, a.length, ...a.slice(start, start + keep));
	}
	return value;
}

function readSeeds(files) {
	return files.filter((f) => fs.existsSync(f)).map((f) => ({ file: path.relative(REPO, f), text: fs.readFileSync(f, 'utf8') }));
}

function byteLength(input) {
	if (typeof input === 'string') return input.length;
	try {
		return JSON.stringify(input).length;
	} catch {
		return 0;
	}
}

/**
 * How much slower than idle this machine runs now: the 1-minute load average per core, at
 * least 1. CI machines are shared (2 cores, many jobs); limits scale with it so a loaded
 * machine does not fail a linear parser, while a quadratic one (10–1000× slower) still fails.
 */
function loadFactor() {
	return Math.max(1, os.loadavg()[0] / Math.max(1, os.cpus().length));
}

/**
 * Time limit of one case: 200 ms per MB (the budget) plus a 250 ms floor (GC pauses,
 * scheduling), times loadFactor(). A quadratic parser on the 10–110 KB hostile strings used
 * here takes seconds, so it still fails.
 */
function limitMs(bytes) {
	return (250 + (200 * bytes) / (1024 * 1024)) * loadFactor();
}

/**
 * Runs `cases` generated inputs through `run`; `check(result, input)` returns a problem string or null;
 * a throw must pass `isClearError`. Returns a tally; failures keep the first few reproductions.
 */
function fuzz({ name, cases = CASES, seed = SEED, generate, run, check, isClearError }) {
	const r = prng(seed ^ hash(name));
	const tally = { name, cases: 0, results: 0, errors: 0, mentions: 0, skipped: 0, slow: 0, maxMs: 0, failures: [] };
	const fail = (i, input, problem) => {
		if (tally.failures.length < 5) tally.failures.push({ case: i, problem, input: preview(input) });
	};
	for (let i = 0; i < cases; i++) {
		const input = generate(r, i);
		const bytes = byteLength(input);
		let outcome = timed(run, input);
		for (let retry = 0; retry < 2 && outcome.ms > limitMs(bytes); retry++) {
			const again = timed(run, input); // a shared machine: retried before calling it slow
			if (again.ms < outcome.ms) outcome = again;
		}
		tally.cases++;
		tally.maxMs = Math.max(tally.maxMs, outcome.ms);
		if (outcome.ms > limitMs(bytes)) {
			tally.slow++;
			fail(i, input, `took ${outcome.ms.toFixed(0)} ms for ${bytes} characters (limit ${limitMs(bytes).toFixed(0)} ms)`);
		}
		if (outcome.threw) {
			tally.errors++;
			const e = outcome.error;
			if (!(e instanceof Error) || typeof e.message !== 'string' || e.message.trim() === '' || (isClearError && !isClearError(e)))
				fail(i, input, `unclear error: ${e && e.constructor ? e.constructor.name : typeof e}: ${String(e && e.message).slice(0, 200)}`);
		} else {
			tally.results++;
			const res = outcome.result;
			if (res && Array.isArray(res.mentions)) tally.mentions += res.mentions.length;
			if (res && Array.isArray(res.skipped)) tally.skipped += res.skipped.length;
			const problem = check(res, input);
			if (problem) fail(i, input, problem);
		}
	}
	return tally;
}

function timed(run, input) {
	const t = process.hrtime.bigint();
	try {
		const result = run(input);
		return { threw: false, result, ms: Number(process.hrtime.bigint() - t) / 1e6 };
	} catch (error) {
		return { threw: true, error, ms: Number(process.hrtime.bigint() - t) / 1e6 };
	}
}

function preview(input) {
	const s = typeof input === 'string' ? input : (() => { try { return JSON.stringify(input); } catch { return String(input); } })();
	return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} characters)` : s;
}

function hash(s) {
	let h = 2166136261;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
	return h >>> 0;
}

/** One line per target for the log (and the lead's tally). */
function summary(t) {
	return `fuzz ${t.name}: ${t.cases} cases, ${t.results} results (${t.mentions} mentions, ${t.skipped} skipped items), ${t.errors} clear errors, ${t.slow} slow, max ${t.maxMs.toFixed(1)} ms (load factor ${loadFactor().toFixed(1)})`;
}

module.exports = { REPO, SHARED, CASES, SEED, prng, hostileString, mutateText, mutateJson, shrinkPage, readSeeds, fuzz, summary, limitMs, loadFactor, HOSTILE_TOKENS };
