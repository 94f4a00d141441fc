/**
 * Shared shape of every source mapper: `(body, ctx) → { mentions, skipped, cursor }`,
 * and the per-item loop that turns a bad item into a counted skip instead of a crash.
 */
import type { Mention } from '../mention/mention';
import { SourceItemError, describeValue } from './errors';
import { isRecord } from './json';

export interface MapContext {
	/** Overrides the default `Mention.source` (`reddit`, `mastodon:<instance>`, `rss:<host>`…). */
	source?: string;
	/** When the page was fetched (RFC3339 UTC); used only where a source gives no date. */
	fetchedAt: string;
	/** Mastodon instance host (`mastodon.social`); other sources ignore it. */
	instance?: string;
}

export interface SkippedItem {
	/** Index of the item in the page's item array. */
	index: number;
	/** `<source>: <field path>: <what was wrong>`. */
	reason: string;
}

export interface MappedPage<C> {
	mentions: Mention[];
	skipped: SkippedItem[];
	cursor: C;
}

/**
 * Maps each item; an item that throws (SourceItemError or anything unexpected) is
 * skipped with a reason naming the source and the field path. `mapOne` may return
 * null to ignore an item that is not a mention (no skip recorded).
 */
export function mapItems(
	source: string,
	path: string,
	items: unknown[],
	mapOne: (item: Record<string, unknown>, index: number) => Mention | null,
): { mentions: Mention[]; skipped: SkippedItem[] } {
	const mentions: Mention[] = [];
	const skipped: SkippedItem[] = [];
	for (let index = 0; index < items.length; index++) {
		const item = items[index];
		const at = `${path}[${index}]`;
		if (!isRecord(item)) {
			skipped.push({
				index,
				reason: `${source}: ${at}: expected an object, got ${describeValue(item)}`,
			});
			continue;
		}
		try {
			const mention = mapOne(item, index);
			if (mention) mentions.push(mention);
		} catch (error) {
			const reason =
				error instanceof SourceItemError
					? `${source}: ${at}.${error.field}: ${error.reason}`
					: `${source}: ${at}: unexpected ${error instanceof Error ? error.message : String(error)}`;
			skipped.push({ index, reason });
		}
	}
	return { mentions, skipped };
}

/** A non-negative count from a number or numeric string; anything else is 0. */
export function countOf(value: unknown): number {
	const n =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim() !== ''
				? Number(value)
				: NaN;
	return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** A non-negative count, or null when the platform did not send it. */
export function optionalCount(value: unknown): number | null {
	if (value === undefined || value === null || value === '') return null;
	const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
	return Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
}

/** A trimmed non-empty string, else null. */
export function stringOf(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const s = value.trim();
	return s === '' ? null : s;
}

/**
 * An id as a string: strings as they are, safe integers converted, integers beyond
 * 2^53 refused (their digits are already lost).
 */
export function idOf(source: string, field: string, value: unknown): string {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number') {
		if (Number.isSafeInteger(value) && value >= 0) return String(value);
		throw new SourceItemError(
			source,
			field,
			`numeric id ${String(value)} is beyond 2^53 and has lost precision; parse the body with parseJsonPreservingBigInts or request string ids`,
		);
	}
	throw new SourceItemError(source, field, `expected a string id, got ${describeValue(value)}`);
}

/** Plain object accessor that never throws. */
export function objectAt(value: unknown, key: string): Record<string, unknown> {
	if (!isRecord(value)) return {};
	const v = value[key];
	return isRecord(v) ? v : {};
}
