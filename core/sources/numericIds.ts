/**
 * Ordering of numeric id strings (X tweet ids, Mastodon status ids, App Store review
 * ids). They exceed 2^53, so they are compared as decimal strings: by length, then
 * lexically — never through Number.
 */

export function isNumericId(value: unknown): value is string {
	return typeof value === 'string' && /^\d{1,40}$/.test(value);
}

/** Negative when a < b, 0 when equal, positive when a > b (leading zeros ignored). */
export function compareNumericIds(a: string, b: string): number {
	const x = a.replace(/^0+(?=\d)/, '');
	const y = b.replace(/^0+(?=\d)/, '');
	if (x.length !== y.length) return x.length - y.length;
	return x < y ? -1 : x > y ? 1 : 0;
}

/** Largest numeric id of the list (non-numeric entries ignored), or null. */
export function newestNumericId(ids: Iterable<string>): string | null {
	let best: string | null = null;
	for (const id of ids) {
		if (isNumericId(id) && (best === null || compareNumericIds(id, best) > 0)) best = id;
	}
	return best;
}

/** Smallest numeric id of the list (non-numeric entries ignored), or null. */
export function oldestNumericId(ids: Iterable<string>): string | null {
	let best: string | null = null;
	for (const id of ids) {
		if (isNumericId(id) && (best === null || compareNumericIds(id, best) < 0)) best = id;
	}
	return best;
}
