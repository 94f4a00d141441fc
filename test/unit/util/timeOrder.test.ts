import { stableTimeOrder } from '../../../core/util/timeOrder';

/** The reference: a comparator sort of the finite entries, ties in input order. */
function reference(times: number[]): number[] {
	return times
		.map((t, k) => ({ t, k }))
		.filter((x) => Number.isFinite(x.t))
		.sort((a, b) => a.t - b.t || a.k - b.k)
		.map((x) => x.k);
}

describe('stableTimeOrder', () => {
	it('orders by time, keeps input order on ties, leaves out NaN and infinities', () => {
		const t0 = Date.parse('2026-03-01T00:00:00Z');
		const times = [t0 + 5000, t0, NaN, t0 + 5000, t0 - 1, Infinity, t0];
		expect(Array.from(stableTimeOrder(times))).toEqual([4, 1, 6, 0, 3]);
		expect(Array.from(stableTimeOrder(new Float64Array(times)))).toEqual([4, 1, 6, 0, 3]);
	});

	it('gives the comparator order on both paths: packed keys and the fallback', () => {
		let x = 12345;
		const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
		const t0 = Date.parse('2026-03-01T00:00:00Z');
		// Packed path: integer ms within a day, many ties.
		const packed = Array.from({ length: 5000 }, () => t0 + Math.floor(rnd() * 600) * 1000);
		expect(Array.from(stableTimeOrder(packed))).toEqual(reference(packed));
		// Fallback: a span over 2^33 ms (more than 99 days) …
		const wide = Array.from({ length: 2000 }, (_, k) => (k % 3 === 0 ? t0 - 200 * 86400000 : t0 + Math.floor(rnd() * 100)));
		expect(Array.from(stableTimeOrder(wide))).toEqual(reference(wide));
		// … and fractional instants (counts with numeric timestamps).
		const fractional = Array.from({ length: 2000 }, () => t0 + Math.floor(rnd() * 50) + 0.5);
		expect(Array.from(stableTimeOrder(fractional))).toEqual(reference(fractional));
	});

	it('handles the edges: nothing, nothing valid, one entry, negative instants', () => {
		expect(stableTimeOrder([])).toHaveLength(0);
		expect(stableTimeOrder([NaN, NaN])).toHaveLength(0);
		expect(Array.from(stableTimeOrder([42]))).toEqual([0]);
		expect(Array.from(stableTimeOrder([-5, -10, 0]))).toEqual([1, 0, 2]);
	});
});
