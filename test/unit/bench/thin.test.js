const { thinCounts } = require('../../../bench/lib/thin');

describe('bench:nab --thin: binomial thinning of a count series', () => {
	const series = Array.from({ length: 2000 }, (_, i) => (i % 100 === 0 ? 400 : 20 + (i % 7)));

	it('keeps the length, never adds a mention, and repeats for the same seed', () => {
		const a = thinCounts(series, 0.2, 3);
		expect(a).toHaveLength(series.length);
		a.forEach((v, i) => {
			expect(Number.isInteger(v)).toBe(true);
			expect(v).toBeGreaterThanOrEqual(0);
			expect(v).toBeLessThanOrEqual(series[i]);
		});
		expect(thinCounts(series, 0.2, 3)).toEqual(a);
		expect(thinCounts(series, 0.2, 4)).not.toEqual(a);
	});

	it('keeps about p of the volume, in the small and in the large counts', () => {
		const sum = (xs) => xs.reduce((s, v) => s + v, 0);
		for (const p of [0.5, 0.05]) {
			const t = thinCounts(series, p, 1);
			expect(sum(t) / sum(series)).toBeGreaterThan(p * 0.9);
			expect(sum(t) / sum(series)).toBeLessThan(p * 1.1);
			// The spikes stay spikes (400 -> about 400p).
			const spikes = t.filter((_, i) => i % 100 === 0);
			expect(sum(spikes) / spikes.length).toBeGreaterThan(400 * p * 0.8);
		}
		expect(thinCounts(series, 1, 9)).toEqual(series);
	});

	it('refuses a probability outside (0, 1]', () => {
		expect(() => thinCounts(series, 0, 1)).toThrow(/\(0, 1\]/);
		expect(() => thinCounts(series, 1.5, 1)).toThrow(/\(0, 1\]/);
	});
});
