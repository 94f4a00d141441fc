'use strict';
/**
 * Binomial thinning of a count series: every counted mention is kept with probability `p`,
 * independently (a seeded xorshift32, so a run can be repeated). The events stay where they
 * were; the volume, and with it the share of noise, is what changes: a series thinned to 5 % is
 * the same brand and the same incidents seen through a query twenty times narrower. Used by
 * `bench:nab -- --thin` to ask whether a level "means the same for 2 mentions a day and 2,000 an
 * hour" (issue 10). Counts of 60 or more are drawn from the normal approximation.
 */

/** A seeded uniform generator in [0, 1). */
function xorshift(seed) {
	let x = seed >>> 0 || 1;
	return () => {
		x ^= x << 13;
		x >>>= 0;
		x ^= x >>> 17;
		x ^= x << 5;
		x >>>= 0;
		return x / 4294967296;
	};
}

/** One binomial(n, p) draw with `rnd`. */
function binomial(n, p, rnd) {
	if (n < 60) {
		let k = 0;
		for (let i = 0; i < n; i++) if (rnd() < p) k++;
		return k;
	}
	const u = rnd() || 1e-12;
	const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
	return Math.max(0, Math.min(n, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * z)));
}

/** `values` thinned to `p` (0 < p ≤ 1) with seed `seed`; non-integer or negative counts are rounded / floored at 0 first. */
function thinCounts(values, p, seed) {
	if (!(p > 0 && p <= 1)) throw new Error(`thinning probability must be in (0, 1], got ${p}`);
	const rnd = xorshift(seed);
	return values.map((v) => binomial(Math.max(0, Math.round(v)), p, rnd));
}

module.exports = { thinCounts, xorshift };
