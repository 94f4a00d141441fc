/**
 * Versioning helpers: a structural diff between two versions of a crisis document, rendered
 * for humans, and the version bump that never touches the old object.
 */
import type { CrisisDocument, HistoryEntry } from './types';
import { cloneJson } from './validateCrisisDocument';
import { isPlainObject, joinPath } from './validator';

export interface DocumentDiffEntry {
	path: string;
	kind: 'added' | 'removed' | 'changed';
	before?: unknown;
	after?: unknown;
}

/** Fields that change on every version and say nothing about the plan itself. */
const META_FIELDS = ['version', 'updatedAt', 'updatedBy', 'history'];

export function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
	if (isPlainObject(a) && isPlainObject(b)) {
		const ka = Object.keys(a);
		const kb = Object.keys(b);
		return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
	}
	return false;
}

/**
 * What changed from `before` to `after`. Lists of plain values are compared as sets (an added
 * hashtag is one `added` entry); lists of objects with an `id` are matched by id; other lists
 * index by index. Version metadata is left out unless `includeMeta`.
 */
export function diffDocuments(before: unknown, after: unknown, options: { includeMeta?: boolean } = {}): DocumentDiffEntry[] {
	const out: DocumentDiffEntry[] = [];
	walk(before, after, '', out, options.includeMeta ? [] : META_FIELDS);
	return out;
}

function isPrimitive(v: unknown): boolean {
	return v === null || typeof v !== 'object';
}

function walk(a: unknown, b: unknown, path: string, out: DocumentDiffEntry[], skip: string[]): void {
	if (deepEqual(a, b)) return;
	if (isPlainObject(a) && isPlainObject(b)) {
		const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.prototype.hasOwnProperty.call(a, k))];
		for (const key of keys) {
			if (path === '' && skip.includes(key)) continue;
			const p = joinPath(path, key);
			const inA = Object.prototype.hasOwnProperty.call(a, key);
			const inB = Object.prototype.hasOwnProperty.call(b, key);
			if (inA && !inB) out.push({ path: p, kind: 'removed', before: a[key] });
			else if (!inA && inB) out.push({ path: p, kind: 'added', after: b[key] });
			else walk(a[key], b[key], p, out, skip);
		}
		return;
	}
	if (Array.isArray(a) && Array.isArray(b)) {
		if (a.every(isPrimitive) && b.every(isPrimitive)) {
			const removed = a.filter((x) => !b.includes(x));
			const added = b.filter((x) => !a.includes(x));
			if (removed.length === 0 && added.length === 0) {
				out.push({ path, kind: 'changed', before: a, after: b });
				return;
			}
			for (const x of removed) out.push({ path, kind: 'removed', before: x });
			for (const x of added) out.push({ path, kind: 'added', after: x });
			return;
		}
		const hasIds = (list: unknown[]): boolean => list.every((x) => isPlainObject(x) && typeof x.id === 'string');
		if (hasIds(a) && hasIds(b)) {
			const idsA = a.map((x) => (x as { id: string }).id);
			const idsB = b.map((x) => (x as { id: string }).id);
			idsA.forEach((id, i) => {
				const j = idsB.indexOf(id);
				if (j === -1) out.push({ path: joinPath(path, i), kind: 'removed', before: a[i] });
				else walk(a[i], b[j], joinPath(path, j), out, skip);
			});
			idsB.forEach((id, j) => {
				if (!idsA.includes(id)) out.push({ path: joinPath(path, j), kind: 'added', after: b[j] });
			});
			return;
		}
		const n = Math.max(a.length, b.length);
		for (let i = 0; i < n; i++) {
			if (i >= a.length) out.push({ path: joinPath(path, i), kind: 'added', after: b[i] });
			else if (i >= b.length) out.push({ path: joinPath(path, i), kind: 'removed', before: a[i] });
			else walk(a[i], b[i], joinPath(path, i), out, skip);
		}
		return;
	}
	out.push({ path: path === '' ? 'document' : path, kind: 'changed', before: a, after: b });
}

function show(value: unknown): string {
	const text = JSON.stringify(value) ?? 'undefined';
	return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/**
 * One line per change (`~` changed, `+` added, `-` removed), each followed by the reasons whose
 * path is the same, a parent or a child of it.
 */
export function renderDiff(entries: readonly DocumentDiffEntry[], reasons: ReadonlyArray<{ path: string; reason: string }> = []): string {
	const lines: string[] = [];
	const related = (a: string, b: string): boolean =>
		a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`) || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);
	for (const e of entries) {
		if (e.kind === 'changed') lines.push(`~ ${e.path}: ${show(e.before)} → ${show(e.after)}`);
		else if (e.kind === 'added') lines.push(`+ ${e.path}: ${show(e.after)}`);
		else lines.push(`- ${e.path}: ${show(e.before)}`);
		const why = [...new Set(reasons.filter((r) => related(e.path, r.path)).map((r) => r.reason))];
		for (const w of why) lines.push(`    why: ${w}`);
	}
	return lines.join('\n');
}

export interface VersionBump {
	/** RFC 3339 time of the new version. */
	now: string;
	author: string;
	summary: string;
	changes?: Array<{ path: string; reason: string }>;
}

/** A copy of `document` as its next version, with a history entry. The original is not touched. */
export function nextDocumentVersion(document: CrisisDocument, bump: VersionBump): CrisisDocument {
	const next = cloneJson(document);
	next.version = document.version + 1;
	next.updatedAt = bump.now;
	next.updatedBy = bump.author;
	const entry: HistoryEntry = { version: next.version, updatedAt: bump.now, updatedBy: bump.author, summary: bump.summary };
	if (bump.changes && bump.changes.length > 0) entry.changes = bump.changes.map((c) => ({ path: c.path, reason: c.reason }));
	next.history = [...next.history, entry];
	return next;
}
