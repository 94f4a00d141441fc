/** Complaint phrasing ('still waiting', 'remboursez'): 60 % of the points for one term, +20 % per other. */
import { round1 } from '../numbers';
import type { RiskFactor } from '../types';
import type { FactorInput } from './types';

/** Needs the lexicon pass (null without it or at weight 0). */
export function complaintFactor(input: FactorInput): RiskFactor | null {
	const analysis = input.analysis;
	const weight = input.weights.complaint;
	if (!analysis || !(weight > 0)) return null;
	const terms = analysis.complaintTerms;
	const count = analysis.complaintCount;
	const applies = count > 0 && input.sentiment.label !== 'positive';
	const contribution = applies ? round1(weight * Math.min(1, 0.6 + 0.2 * (count - 1))) : 0;
	let reason: string;
	if (!input.withReasons) {
		reason = '';
	} else if (applies) {
		reason = 'complaint phrasing: ';
		for (let k = 0; k < count && k < 4; k++) reason = reason + (k === 0 ? "'" : ", '") + terms[k] + "'";
	} else {
		reason = count > 0 ? 'problem words found but the mention is positive overall; no risk added' : 'no complaint phrasing';
	}
	return { name: 'complaint', value: count, contribution, reason };
}
