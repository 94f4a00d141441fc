/** Star rating of reviews: 1 star = full points, 2 stars = half, more = none. */
import { round1 } from '../numbers';
import type { RiskFactor } from '../types';
import type { FactorInput } from './types';

/** Null for mentions without a rating (posts, comments) or at weight 0. */
export function ratingFactor(input: FactorInput): RiskFactor | null {
	const weight = input.weights.rating;
	const r = input.mention.rating;
	if (!(weight > 0) || r === null || !Number.isFinite(r)) return null;
	const share = r <= 1 ? 1 : r <= 2 ? 0.5 : 0;
	return {
		name: 'rating',
		value: r,
		contribution: round1(weight * share),
		reason: !input.withReasons ? '' : share > 0 ? `${r}-star review` : `${r}-star review; no risk added`,
	};
}
