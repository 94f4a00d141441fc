/** Negative sentiment, scaled by its strength (at least a quarter of the points when negative). */
import { clamp, round1 } from '../numbers';
import { formatRounded, hitSuffix, lexiconPrefix } from '../reasonText';
import type { RiskFactor } from '../types';
import type { FactorInput } from './types';

/** Always present (its reason says where the sentiment came from), even at weight 0. */
export function sentimentFactor(input: FactorInput): RiskFactor {
	const sentiment = input.sentiment;
	const analysis = input.analysis;
	const negativity = sentiment.label === 'negative' ? clamp(Math.max(-sentiment.score, 0.25), 0, 1) : 0;
	const contribution = round1(input.weights.sentiment * negativity);
	if (!input.withReasons) return { name: 'sentiment', value: sentiment.score, contribution, reason: '' };
	// "<origin>: <label>, score <score> ('<term>' <weight>, …)", and "; no risk added" unless
	// negative. Built by appending to the (long) prefix: each step then only links two
	// strings, where joining the short pieces first would copy their characters.
	let reason =
		sentiment.source === 'upstream'
			? `sentiment taken from ${sentiment.field}` + ': ' + sentiment.label + ', score ' + formatRounded(sentiment.score, 3)
			: lexiconPrefix(sentiment.label, sentiment.score);
	if (analysis && sentiment.source === 'lexicon' && analysis.hitCount > 0) {
		for (let k = 0; k < analysis.hitCount && k < 4; k++) {
			reason = reason + (k === 0 ? " ('" : ", '") + analysis.hitTerms[k] + hitSuffix(analysis.hitWeights[k]);
		}
		reason += analysis.sarcasm ? '; sarcasm detected)' : ')';
	}
	if (sentiment.label !== 'negative') reason += '; no risk added';
	return { name: 'sentiment', value: sentiment.score, contribution, reason };
}
