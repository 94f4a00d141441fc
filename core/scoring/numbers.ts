/** The two roundings every risk factor uses. */

export function round1(x: number): number {
	return Math.round(x * 10) / 10;
}

/** `x` limited to lo..hi (NaN stays NaN, -0 stays -0). */
export function clamp(x: number, lo: number, hi: number): number {
	return x < lo ? lo : x > hi ? hi : x;
}
