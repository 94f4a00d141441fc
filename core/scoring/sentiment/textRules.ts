/**
 * The rules over the whole text that follow the rule pass (contrast, sarcasm, a trailing
 * 'NOT!', courtesy, bare negation, exasperation), then the score, the label, the hits and
 * the complaint terms, written into the analyser's result. Each rule is a step over the
 * analyser's items (parallel arrays, see `TextAnalyzer`).
 */
import type { TextAnalysis, TextAnalyzer } from './analyzer';
import { ITEM_COURTESY, ITEM_NEGATED, ITEM_PROBLEM } from './analyzer';
import type { CompiledLexicon } from './compileLexicon';
import { labelFor, THRESHOLDS } from './labels';
import type { SentimentLanguage } from './labels';
import { wordIs } from './rulePass';
import { TokenKind } from './tokenize';
import { E_CUE, E_NEGATIVE_PROBLEM } from './wordInfo';

const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.4;
const COURTESY_IN_COMPLAINT = 0.2;
const COURTESY_IN_QUESTION = 0.4;
const EXASPERATION = -0.5;
const SARCASM_FACTOR = -0.8;
/** VADER's exclamation emphasis: 0.292 per mark, up to 4 (Hutto & Gilbert 2014). */
const EXCLAMATION_STEP = 0.292;
const EXCLAMATION_MAX = 4;
const NEGATIVE_WEIGHT = 1.5;

function round3(x: number): number {
	return Math.round(x * 1000) / 1000;
}

/** The whole-text rules, the score and label, the hits: the analyser's result for this text. */
export function finishPass(a: TextAnalyzer, c: CompiledLexicon, language: SentimentLanguage): TextAnalysis {
	// Contrast: the clause after 'but' outweighs the one before it.
	if (a.contrastAt >= 0) {
		for (let k = 0; k < a.itemCount; k++) a.itemValues[k] *= k < a.contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
	}
	let sarcasm = applySarcasm(a);
	if (c.lex.trailingNot !== null && trailingNot(a, c.lex.trailingNot)) sarcasm = true;
	applyCourtesy(a);
	const bare = Math.min(Math.max(0, a.negators - a.negatedItems), 2);
	if (bare > 0 && c.lex.bareNegation !== 0) a.addItem('negation', bare * c.lex.bareNegation, -1, 0);
	if (a.exasperated) a.addItem('???', EXASPERATION, -1, 0);

	// Negativity bias: a negative expression weighs NEGATIVE_WEIGHT times its valence (the
	// published SO-CAL rule, Taboada et al. 2011, set on reviews, not on our data): people
	// use positive words more often and more loosely than negative ones.
	const values = a.itemValues;
	let positive = 0;
	let negative = 0;
	for (let k = 0; k < a.itemCount; k++) {
		const v = values[k];
		if (v > 0) positive += v;
		else {
			values[k] = v * NEGATIVE_WEIGHT;
			negative += values[k];
		}
	}
	let raw = positive + negative;
	if (a.exclamations > 0 && raw !== 0) {
		const emphasis = Math.min(a.exclamations, EXCLAMATION_MAX) * EXCLAMATION_STEP;
		raw += raw > 0 ? emphasis : -emphasis;
	}
	const score = raw / Math.sqrt(raw * raw + 15);
	const th = THRESHOLDS[language];
	// A question asks before it complains: it needs clearer sentiment to count.
	const asking = a.questions > 0 && a.exclamations === 0 && !a.exasperated;

	const result = a.result;
	collectHits(a);
	result.label = labelFor(raw, asking, th.polar, th.question);
	result.asking = asking;
	result.score = round3(score);
	result.raw = round3(raw);
	result.positive = round3(positive);
	result.negative = round3(negative);
	result.complaintCount = uniqueComplaints(result.complaintTerms, a.complaintCount);
	result.sarcasm = sarcasm;
	result.language = language;
	return result;
}

/** Sarcasm: praise next to a cue ('another', 'encore') with a problem after it is reversed. */
function applySarcasm(a: TextAnalyzer): boolean {
	const buf = a.tokens;
	const n = buf.length;
	const kinds = buf.kinds;
	const recs = buf.recs;
	const values = a.itemValues;
	const ats = a.itemAts;
	const iflags = a.itemFlags;
	const count = a.itemCount;
	let sarcasm = false;
	for (let k = 0; k < count; k++) {
		if (values[k] < 1 || (iflags[k] & ITEM_NEGATED) !== 0) continue;
		const pos = ats[k];
		let cue = false;
		const lo = pos - 2 < 0 ? 0 : pos - 2;
		const hi = pos + 3 < n ? pos + 3 : n - 1;
		for (let j = lo; j <= hi; j++) {
			if (j !== pos && (recs[j] & E_CUE) !== 0) {
				cue = true;
				break;
			}
		}
		if (!cue) {
			// 'great job losing my bag': a problem right after the praise is sarcasm too.
			for (let j = pos + 1; j <= hi; j++) {
				if (kinds[j] !== TokenKind.Word) break;
				if ((recs[j] & E_NEGATIVE_PROBLEM) !== 0) cue = true;
			}
		}
		if (cue && problemAfter(a, pos)) {
			values[k] *= SARCASM_FACTOR;
			sarcasm = true;
		}
	}
	return sarcasm;
}

/** Whether a problem item (or a clearly negative one, courtesy aside) comes within 8 tokens after `pos`. */
function problemAfter(a: TextAnalyzer, pos: number): boolean {
	const values = a.itemValues;
	const ats = a.itemAts;
	const iflags = a.itemFlags;
	for (let o = 0; o < a.itemCount; o++) {
		const f = iflags[o];
		if (((f & ITEM_PROBLEM) !== 0 || (values[o] <= -1.2 && (f & ITEM_COURTESY) === 0)) && ats[o] > pos && ats[o] - pos <= 8) {
			return true;
		}
	}
	return false;
}

/** '… awesome service. NOT!': a lone trailing negator reverses the praise before it. */
function trailingNot(a: TextAnalyzer, word: string): boolean {
	const buf = a.tokens;
	const kinds = buf.kinds;
	let last = buf.length - 1;
	while (last >= 0 && kinds[last] !== TokenKind.Word) last--;
	if (!(last > 0 && wordIs(buf, last, word) && kinds[last - 1] !== TokenKind.Word)) return false;
	for (let k = 0; k < a.itemCount; k++) if (a.itemValues[k] > 0) a.itemValues[k] *= SARCASM_FACTOR;
	return true;
}

/** 'thanks' / 'merci' around a question are courtesy, not praise; they weigh little when the text otherwise complains. */
function applyCourtesy(a: TextAnalyzer): void {
	const values = a.itemValues;
	const iflags = a.itemFlags;
	const count = a.itemCount;
	if (a.questions > 0) {
		for (let k = 0; k < count; k++) if ((iflags[k] & ITEM_COURTESY) !== 0 && values[k] > 0) values[k] *= COURTESY_IN_QUESTION;
	}
	let negativeOther = 0;
	for (let k = 0; k < count; k++) if ((iflags[k] & ITEM_COURTESY) === 0 && values[k] < 0) negativeOther += values[k];
	if (negativeOther <= -1.5) {
		for (let k = 0; k < count; k++) if ((iflags[k] & ITEM_COURTESY) !== 0 && values[k] > 0) values[k] *= COURTESY_IN_COMPLAINT;
	}
}

/**
 * Hits: the strongest contributions (|value| >= 0.05), strongest first, ties in text
 * order (a stable insertion sort over item indices), at most 6.
 */
function collectHits(a: TextAnalyzer): void {
	const result = a.result;
	const values = a.itemValues;
	const count = a.itemCount;
	result.hitCount = 0;
	if (count === 0) return;
	const order = a.itemOrder;
	let strong = 0;
	for (let k = 0; k < count; k++) {
		const v = values[k];
		if (!(v >= 0.05 || v <= -0.05)) continue;
		const abs = Math.abs(v);
		let p = strong;
		while (p > 0 && Math.abs(values[order[p - 1]]) < abs) {
			order[p] = order[p - 1];
			p--;
		}
		order[p] = k;
		strong++;
	}
	const top = strong > 6 ? 6 : strong;
	for (let p = 0; p < top; p++) {
		const k = order[p];
		result.hitTerms[p] = a.itemTerms[k];
		result.hitWeights[p] = Math.round(values[k] * 100) / 100;
	}
	result.hitCount = top;
}

/** Complaint terms, each once, in order of appearance (deduplicated in place); returns how many. */
function uniqueComplaints(terms: string[], count: number): number {
	let unique = 0;
	for (let k = 0; k < count; k++) {
		const t = terms[k];
		let seen = false;
		for (let q = 0; q < unique; q++) {
			if (terms[q] === t) {
				seen = true;
				break;
			}
		}
		if (!seen) terms[unique++] = t;
	}
	return unique;
}
