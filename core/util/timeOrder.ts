/**
 * Stable time order of a batch: the indices of the finite instants, earliest first, equal
 * instants in input order. Assess Situation and Crisis Report put 100k mentions in time order;
 * a comparator sort made about 1.7 million JavaScript calls for that (≈ 12 % of Assess on 100k).
 * Here the common case (integer milliseconds, a span under 2^33 ms ≈ 99 days, under 2^20
 * rows) sorts one Float64Array of packed keys, `(t − earliest) · 2^20 + index`, exact below
 * 2^53, with the typed array's own numeric sort (no comparator). Anything else falls back to
 * the comparator sort, same order.
 */

const INDEX_BITS = 1048576; // 2^20
const MAX_SPAN_MS = 8589934592; // 2^33

/** Indices of the finite entries of `times` (ms), in stable time order; non-finite entries are left out. */
export function stableTimeOrder(times: ArrayLike<number>): Int32Array {
	const n = times.length;
	let valid = 0;
	let min = Infinity;
	let max = -Infinity;
	let integers = true;
	for (let k = 0; k < n; k++) {
		const t = times[k];
		if (!Number.isFinite(t)) continue;
		valid++;
		if (t < min) min = t;
		if (t > max) max = t;
		if (integers && Math.floor(t) !== t) integers = false;
	}
	const order = new Int32Array(valid);
	if (valid === 0) return order;
	if (integers && n < INDEX_BITS && max - min < MAX_SPAN_MS) {
		const keys = new Float64Array(valid);
		let j = 0;
		for (let k = 0; k < n; k++) {
			const t = times[k];
			if (Number.isFinite(t)) keys[j++] = (t - min) * INDEX_BITS + k;
		}
		keys.sort();
		for (let i = 0; i < valid; i++) {
			const key = keys[i];
			order[i] = key - Math.floor(key / INDEX_BITS) * INDEX_BITS;
		}
		return order;
	}
	const idx: number[] = [];
	for (let k = 0; k < n; k++) if (Number.isFinite(times[k])) idx.push(k);
	idx.sort((a, b) => times[a] - times[b] || a - b);
	for (let i = 0; i < valid; i++) order[i] = idx[i];
	return order;
}
