/** Crisis themes (data leak, recall, injury…): the most severe theme's severity, +10 % per other theme (up to +30 %). */
import { round1 } from '../numbers';
import { THEMES } from '../themes';
import type { RiskFactor } from '../types';
import type { FactorInput } from './types';

export function crisisVocabularyFactor(input: FactorInput): RiskFactor | null {
	const weight = input.weights.crisisVocabulary;
	if (!(weight > 0)) return null;
	const themeCount = input.themeCount;
	if (themeCount === 0) {
		return {
			name: 'crisisVocabulary',
			value: 0,
			contribution: 0,
			reason: !input.withReasons ? '' : input.lexiconLanguage ? 'no crisis vocabulary' : `crisis vocabulary not checked: ${input.languageNote}`,
		};
	}
	const order = input.themeOrder as Int32Array;
	const termsOf = input.themeTerms as readonly string[][];
	const top = THEMES[order[0]].severity;
	const extra = Math.min(0.3, 0.1 * (themeCount - 1));
	const contribution = round1(weight * Math.min(1, top + extra));
	if (!input.withReasons) return { name: 'crisisVocabulary', value: themeCount, contribution, reason: '' };
	let reason = 'crisis themes: ';
	for (let k = 0; k < themeCount && k < 4; k++) {
		const m = THEMES[order[k]];
		const terms = termsOf[order[k]];
		reason = reason + (k === 0 ? '' : '; ') + m.label + " ('" + terms[0];
		reason = terms.length > 1 ? reason + "', '" + terms[1] + "')" : reason + "')";
	}
	return { name: 'crisisVocabulary', value: themeCount, contribution, reason };
}
