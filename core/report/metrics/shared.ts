/** Small helpers shared by the report's metric sections. Pure. */
import type { CountItem, Metric, PerPhase } from '../types';

export const SENT_NONE = 0;
export const SENT_NEG = 1;
export const SENT_NEU = 2;
export const SENT_POS = 3;

/** Mentions listed in the top tables (authors, negative mentions). */
export const TOP_N = 10;

export function metric<T>(value: T, how: string, unit?: Metric<T>['unit']): Metric<T> {
	return unit ? { value, how, unit } : { value, how };
}

export function round(value: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

export function median(values: number[]): number {
	if (values.length === 0) return 0;
	const sorted = values.slice().sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A positive finite number, else 0 (engagement counts from hostile input). */
export function num(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** The same computation for the three phases, in the report's key order. */
export function perPhase<T>(f: (k: keyof PerPhase<unknown>, i: number) => T): PerPhase<T> {
	return { before: f('before', 0), during: f('during', 1), after: f('after', 2) };
}

/** Keeps the `k` best items by `better(a, b) > 0` in one pass. */
export function topK<T>(k: number, better: (a: T, b: T) => number): { add: (item: T) => void; result: () => T[] } {
	const items: T[] = [];
	return {
		add(item: T) {
			if (items.length === k && better(item, items[k - 1]) <= 0) return;
			let i = items.length < k ? items.length : k - 1;
			items[i] = item;
			while (i > 0 && better(items[i], items[i - 1]) > 0) {
				const tmp = items[i - 1];
				items[i - 1] = items[i];
				items[i] = tmp;
				i--;
			}
		},
		result: () => items.slice(),
	};
}

/** Counts by key, largest first (ties by key), the rest summed as `other`. */
export function countItems(counts: Map<string, number>, total: number, limit: number): CountItem[] {
	const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	const head = sorted.slice(0, limit).map(([key, count]) => ({ key, count, share: total ? round(count / total, 4) : 0 }));
	const rest = sorted.slice(limit).reduce((s, [, c]) => s + c, 0);
	if (rest > 0) head.push({ key: 'other', count: rest, share: total ? round(rest / total, 4) : 0 });
	return head;
}
