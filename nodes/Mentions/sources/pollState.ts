/**
 * The Mentions Trigger's static data, read defensively and kept under a bound.
 *
 * Static data is edited by hand, restored from old exports, written by older versions and
 * shared by concurrent executions (n8n saves it last-write-wins), so every part is checked:
 * a part that does not have the expected shape is dropped and a warning says which, the rest
 * is kept. A dropped stream starts afresh (its first page again, repeats removed by the seen
 * set); a dropped seen set may let the mentions of the current first pages through once more.
 *
 * Bounds (docs/operations.md › State): known source names only; at most MAX_STREAMS_PER_SOURCE
 * streams per source (the current query's streams first, then the most recently read); every
 * stored string at most MAX_STATE_STRING characters; seen sets at most `dedupeMemory` keys of at
 * most MAX_SEEN_KEY characters (longer ids and story keys are stored as a SHA-256 digest).
 */
import { createHash } from 'crypto';
import type { SeenSetState } from '../../../core/sources/dedupe';
import type { StreamState } from './collect';
import { SOURCE_NAMES, type Watermark } from './mentionSource';
import type { PollState, SourceState } from './poll';

export const MAX_STREAMS_PER_SOURCE = 50;
export const MAX_STATE_STRING = 2048;
export const MAX_SEEN_KEY = 200;
export const MAX_DEDUPE_MEMORY = 50000;
export const MIN_DEDUPE_MEMORY = 100;

export interface CheckedState {
	state: PollState;
	/** One line per part that was reset (empty when the stored state was sound). */
	warnings: string[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const isIsoDate = (v: unknown): v is string =>
	typeof v === 'string' && v.length <= 64 && Number.isFinite(Date.parse(v));

const nullableString = (v: unknown): v is string | null =>
	v === null || (typeof v === 'string' && v.length <= MAX_STATE_STRING);

function checkWatermark(v: unknown): Watermark | null | undefined {
	if (v === null || v === undefined) return null;
	if (!isPlainObject(v)) return undefined;
	const publishedAt = v.publishedAt ?? null;
	const sinceId = v.sinceId ?? null;
	const position = v.position ?? null;
	if (publishedAt !== null && !isIsoDate(publishedAt)) return undefined;
	if (!nullableString(sinceId) || !nullableString(position)) return undefined;
	return { publishedAt, sinceId, position };
}

/** A stream's cursor, or undefined when any part of it is malformed. */
function checkStream(v: unknown): StreamState | undefined {
	if (!isPlainObject(v)) return undefined;
	const watermark = checkWatermark(v.watermark);
	if (watermark === undefined) return undefined;
	let pending: StreamState['pending'] = null;
	if (v.pending !== null && v.pending !== undefined) {
		if (!isPlainObject(v.pending)) return undefined;
		const token = v.pending.token;
		const tokenOk = (typeof token === 'string' && token.length > 0 && token.length <= MAX_STATE_STRING) || (typeof token === 'number' && Number.isFinite(token));
		const top = checkWatermark(v.pending.top);
		if (!tokenOk || top === undefined) return undefined;
		pending = { token: token as string | number, top };
	}
	const lastFetchedAt = v.lastFetchedAt ?? null;
	if (lastFetchedAt !== null && !isIsoDate(lastFetchedAt)) return undefined;
	return { watermark, pending, lastFetchedAt };
}

function clip(v: unknown): string | null {
	return typeof v === 'string' ? v.slice(0, MAX_STATE_STRING) : null;
}

function checkSource(name: string, v: unknown, warnings: string[]): SourceState | null {
	if (!isPlainObject(v) || !isPlainObject(v.streams)) {
		warnings.push(`${name}: source state is malformed; its cursors start afresh`);
		return null;
	}
	const streams: Record<string, StreamState> = {};
	for (const [id, raw] of Object.entries(v.streams)) {
		const stream = id.length <= MAX_STATE_STRING ? checkStream(raw) : undefined;
		if (stream) streams[id] = stream;
		else warnings.push(`${name}: the cursor of stream "${id.slice(0, 80)}" is malformed; that stream starts afresh`);
	}
	const retryAt = isIsoDate(v.retryAt) ? v.retryAt : null;
	if (v.retryAt !== null && v.retryAt !== undefined && retryAt === null) warnings.push(`${name}: retryAt is not a date; the source is polled normally`);
	return {
		streams,
		retryAt,
		lastPollAt: isIsoDate(v.lastPollAt) ? v.lastPollAt : null,
		lastError: clip(v.lastError),
		emitted: typeof v.emitted === 'number' && Number.isFinite(v.emitted) && v.emitted >= 0 ? Math.floor(v.emitted) : 0,
	};
}

function checkSeen(label: string, v: unknown, warnings: string[]): SeenSetState | null {
	if (v === null || v === undefined) return null;
	const keys = Array.isArray(v) ? v : isPlainObject(v) && Array.isArray(v.keys) ? v.keys : null;
	if (keys === null) {
		warnings.push(`${label} is malformed; it starts empty (mentions on the first pages may be emitted once more)`);
		return null;
	}
	const clean = keys.filter((k): k is string => typeof k === 'string' && k.length <= MAX_SEEN_KEY);
	if (clean.length !== keys.length) warnings.push(`${label}: ${keys.length - clean.length} malformed entr(y/ies) dropped`);
	return { version: 1, maxEntries: clean.length, keys: clean };
}

/** Reads the stored trigger state; anything malformed is reset (with a warning), the rest kept. */
export function readStateChecked(stored: unknown): CheckedState {
	const warnings: string[] = [];
	const state: PollState = { version: 1, sources: {}, seenIds: null, seenStories: null };
	if (!isPlainObject(stored)) {
		if (stored !== null && stored !== undefined) warnings.push('the stored state is not an object; every cursor starts afresh');
		return { state, warnings };
	}
	if (stored.version !== undefined && stored.version !== 1) {
		warnings.push(`the stored state has version ${JSON.stringify(stored.version).slice(0, 20)}, this node writes version 1; every cursor starts afresh`);
		return { state, warnings };
	}
	if (stored.sources !== undefined && stored.sources !== null) {
		if (!isPlainObject(stored.sources)) {
			warnings.push('the stored source cursors are malformed; every cursor starts afresh');
		} else {
			for (const [name, raw] of Object.entries(stored.sources)) {
				if (!(SOURCE_NAMES as readonly string[]).includes(name)) {
					warnings.push(`unknown source "${name.slice(0, 40)}" dropped from the state`);
					continue;
				}
				const checked = checkSource(name, raw, warnings);
				if (checked) state.sources[name] = checked;
			}
		}
	}
	state.seenIds = checkSeen('the seen-id memory', stored.seenIds, warnings);
	state.seenStories = checkSeen('the seen-story memory', stored.seenStories, warnings);
	return { state, warnings };
}

/**
 * Keeps at most MAX_STREAMS_PER_SOURCE cursors per source: the streams of the current query
 * first, then the most recently read ones (a keyword removed and added back within that many
 * changes keeps its cursor).
 */
export function pruneStreams(source: SourceState, current: Set<string>): number {
	const ids = Object.keys(source.streams);
	if (ids.length <= MAX_STREAMS_PER_SOURCE) return 0;
	const rank = (id: string) => source.streams[id].lastFetchedAt ?? '';
	const keep = new Set(ids.filter((id) => current.has(id)));
	for (const id of ids.filter((x) => !current.has(x)).sort((a, b) => (rank(b) < rank(a) ? -1 : rank(b) > rank(a) ? 1 : 0))) {
		if (keep.size >= MAX_STREAMS_PER_SOURCE) break;
		keep.add(id);
	}
	let dropped = 0;
	for (const id of ids) {
		if (!keep.has(id)) {
			delete source.streams[id];
			dropped++;
		}
	}
	return dropped;
}

/** A seen-set key of bounded length: ids and story keys longer than MAX_SEEN_KEY become a digest. */
export function seenKey(key: string): string {
	return key.length <= MAX_SEEN_KEY ? key : `sha256:${createHash('sha256').update(key).digest('base64')}`;
}

/** The Dedupe Memory option, clamped to what static data can reasonably hold. */
export function dedupeMemoryOf(value: unknown): number {
	const n = Number(value ?? 5000);
	if (!Number.isFinite(n)) return 5000;
	return Math.min(MAX_DEDUPE_MEMORY, Math.max(MIN_DEDUPE_MEMORY, Math.floor(n)));
}
