/**
 * Per-mention risk (Score Mentions): 0–100, the sum of factor contributions, each with
 * a plain-words reason. Pure: no clock (`now` is passed in), no I/O.
 *
 * The factors live in `factors/` (one file each, listed in `factors/index.ts`); this file
 * chooses the language, reads the text once (sentiment, complaint terms and crisis themes
 * in one pass), runs the factors and writes the summary. Default maximum points (see
 * docs/scoring-mentions.md):
 *   sentiment 35 · complaint 10 · crisisVocabulary 30 · reach 15 · engagementVelocity 10 · rating 10
 * The sum is clamped to 0–100. Mentions in an unsupported language are `unscored`
 * (risk null) unless an upstream node already gave their sentiment.
 */
import type { Mention } from '../mention/mention';
import { DEFAULT_RISK_WEIGHTS, FACTORS } from './factors';
import type { FactorInput, RiskWeights } from './factors';
import { detectLanguage } from './language';
import { clamp } from './numbers';
import { PLATFORM_NOTE_EN, PLATFORM_NOTE_FR, platformNote, riskText, summaryPoints } from './reasonText';
import { TextAnalyzer } from './sentiment/analyzer';
import type { TextAnalysis, ThemeFinds } from './sentiment/analyzer';
import { rankThemes } from './themeMatch';
import { THEME_INDEX, THEMES } from './themes';
import type { MentionScore, RiskFactor, Sentiment } from './types';
import { parseUpstreamSentiment } from './upstreamSentiment';
import type { UpstreamSentimentInput } from './upstreamSentiment';

export { DEFAULT_RISK_WEIGHTS } from './factors';
export type { RiskWeights } from './factors';
export { parseUpstreamSentiment } from './upstreamSentiment';
export type { UpstreamSentimentInput } from './upstreamSentiment';
export type { TextAnalyzer } from './sentiment/analyzer';

export interface ScoreMentionOptions {
	/**
	 * Sentiment already computed by an upstream node. When present and understood, it is
	 * used instead of the built-in lexicon (and reasons say so). When the value cannot be
	 * read, the lexicon is used and a reason says why. null/undefined = use the lexicon.
	 */
	upstreamSentiment?: UpstreamSentimentInput | null;
	/**
	 * Languages scored with the built-in lexicons (default and maximum: ['en', 'fr']).
	 * Mentions in any other language are marked `unscored` rather than guessed.
	 */
	supportedLanguages?: string[];
	/** Override the maximum points of some factors (0 disables a factor). */
	weights?: Partial<RiskWeights>;
	/**
	 * 'factors' (default): every factor with its value, contribution and reason.
	 * 'summary': `factors` left empty; the risk, sentiment, themes and the reasons (the summary
	 * names the three largest contributions with their points) are the same. For large batches
	 * kept by n8n's execution saving: about half the bytes per scored mention.
	 */
	detail?: 'factors' | 'summary';
}

const BUILT_IN_LANGUAGES = ['en', 'fr'] as const;
type BuiltIn = (typeof BUILT_IN_LANGUAGES)[number];
const ALL_BUILT_IN: BuiltIn[] = [...BUILT_IN_LANGUAGES];

/** 'en-US' -> 'en'; '' / 'und' -> null. */
function normalizeLanguage(lang: string | null | undefined): string | null {
	if (!lang) return null;
	if (lang === 'en' || lang === 'fr') return lang;
	const base = lang.trim().toLowerCase().split(/[-_]/)[0];
	if (!base || base === 'und' || base === 'zxx') return null;
	return base;
}

function textOf(mention: Mention): string {
	if (!mention.title) return mention.text || '';
	const title = mention.title ? mention.title.trim() : '';
	const text = mention.text ? mention.text.trim() : '';
	if (title && text) return `${title}. ${text}`;
	return title || text;
}

function weightsOf(opts: ScoreMentionOptions): RiskWeights {
	if (!opts.weights) return DEFAULT_RISK_WEIGHTS;
	const weights = { ...DEFAULT_RISK_WEIGHTS };
	for (const [k, v] of Object.entries(opts.weights)) {
		if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && k in weights) weights[k as keyof RiskWeights] = v;
	}
	return weights;
}

interface LanguageChoice {
	language: string | null;
	note: string;
}

/** The language: the platform field first, then detection (only when the platform gives none). */
function chooseLanguage(platformLanguage: string | null, text: string, supported: BuiltIn[], analyzer?: TextAnalyzer): LanguageChoice {
	const language = platformLanguage === 'en' || platformLanguage === 'fr' ? platformLanguage : normalizeLanguage(platformLanguage);
	if (language) {
		return { language, note: language === 'en' ? PLATFORM_NOTE_EN : language === 'fr' ? PLATFORM_NOTE_FR : platformNote(language) };
	}
	const detected = detectLanguage(text, analyzer?.languageScores);
	if (detected === 'en' || detected === 'fr') {
		return { language: detected, note: `language '${detected}' detected from the text (the platform gave none)` };
	}
	if (detected === null && supported.length > 0) {
		// No evidence either way (a short headline, hashtags only): scored in the first
		// scored language rather than dropped; only a text clearly in another language is not.
		return {
			language: supported[0],
			note: `language taken as '${supported[0]}', the first scored language: the platform gave none and the text does not tell`,
		};
	}
	return {
		language: null,
		note:
			detected === 'other'
				? 'the text is in a language other than English or French'
				: 'the language could not be told apart as English or French',
	};
}

/** The summary: the risk and the (at most three) largest contributions, largest first (ties in factor order). */
function summaryOf(risk: number, factors: RiskFactor[]): string {
	let first: RiskFactor | null = null;
	let second: RiskFactor | null = null;
	let third: RiskFactor | null = null;
	for (let k = 0; k < factors.length; k++) {
		const f = factors[k];
		const c = f.contribution;
		if (c <= 0) continue;
		if (first === null || first.contribution < c) {
			third = second;
			second = first;
			first = f;
		} else if (second === null || second.contribution < c) {
			third = second;
			second = f;
		} else if (third === null || third.contribution < c) {
			third = f;
		}
	}
	const summary = riskText(risk);
	if (first === null) return summary + ': nothing raises it';
	// (Appended piece by piece to the long string: each step links two strings, where
	// joining the short pieces first would copy their characters.)
	let out = summary + ', mainly from ' + first.name + summaryPoints(first.contribution);
	if (second !== null) out = out + ', ' + second.name + summaryPoints(second.contribution);
	if (third !== null) out = out + ', ' + third.name + summaryPoints(third.contribution);
	return out;
}

/** A text analyser for `scoreMention` calls: create one per batch and pass it to each call. */
export function createTextAnalyzer(): TextAnalyzer {
	return new TextAnalyzer(THEME_INDEX);
}

/**
 * Scores one mention. `now` is an RFC3339 timestamp (used for engagement velocity);
 * core never reads the clock. `analyzer` (from `createTextAnalyzer`, one per batch) holds
 * the text pass's scratch; without it, each call makes its own.
 */
export function scoreMention(mention: Mention, options: ScoreMentionOptions, now: string, analyzer?: TextAnalyzer): MentionScore {
	const opts = options ?? {};
	const weights = weightsOf(opts);
	const supported: BuiltIn[] = opts.supportedLanguages
		? opts.supportedLanguages.map((l) => normalizeLanguage(l)).filter((l): l is BuiltIn => l === 'en' || l === 'fr')
		: ALL_BUILT_IN;
	const text = mention.title ? textOf(mention) : mention.text || '';
	const { language, note: languageNote } = chooseLanguage(mention.language, text, supported, analyzer);
	const lexiconLanguage: BuiltIn | null =
		(language === 'en' || language === 'fr') && supported.includes(language) ? language : null;

	// Sentiment: upstream first, else the lexicon (only for supported languages).
	let upstream: Sentiment | null = null;
	let upstreamProblem: string | null = null;
	if (opts.upstreamSentiment && opts.upstreamSentiment.field !== undefined) {
		upstream = parseUpstreamSentiment(opts.upstreamSentiment);
		if (!upstream) {
			upstreamProblem = `the sentiment at '${opts.upstreamSentiment.field}' was not understood (expected a label such as 'negative', a number in -1..1, or { category, strength }); ${lexiconLanguage ? 'used the built-in lexicon instead' : 'no sentiment used'}`;
		}
	}
	if (!upstream && !lexiconLanguage) {
		const unscored = `unscored: ${languageNote}${language ? `, which is not among the scored languages (${supported.join(', ') || 'none'})` : ''}; no guess is made`;
		return {
			risk: null,
			language,
			unscored: true,
			sentiment: null,
			themes: [],
			factors: [],
			reasons: upstreamProblem === null ? [unscored] : [unscored, upstreamProblem],
		};
	}

	// One pass over the text: sentiment, complaint terms and crisis themes (the
	// analyser's scratch result, read before its next pass).
	let analysis: TextAnalysis | null = null;
	let finds: ThemeFinds | null = null;
	if (lexiconLanguage) {
		analysis = (analyzer ?? createTextAnalyzer()).analyze(text, lexiconLanguage, weights.crisisVocabulary > 0);
		finds = analysis.themes;
	} else if (language === null && weights.crisisVocabulary > 0) {
		// Upstream sentiment, language unknown: still look for crisis vocabulary (EN + FR).
		finds = (analyzer ?? createTextAnalyzer()).analyze(text, 'fr', true).themes;
	}
	const themeCount = finds !== null ? finds.count : 0;
	const sentiment: Sentiment = upstream ?? { label: (analysis as TextAnalysis).label, score: (analysis as TextAnalysis).score, source: 'lexicon' };
	const input: FactorInput = {
		mention,
		now,
		weights,
		sentiment,
		analysis,
		themeCount,
		themeOrder: themeCount > 0 ? rankThemes(finds as ThemeFinds) : null,
		themeTerms: finds !== null ? finds.terms : null,
		lexiconLanguage,
		languageNote,
		withReasons: opts.detail !== 'summary',
	};
	const factors: RiskFactor[] = [];
	let sum = 0;
	for (let k = 0; k < FACTORS.length; k++) {
		const factor = FACTORS[k](input);
		if (factor === null) continue;
		factors.push(factor);
		sum += factor.contribution;
	}
	const risk = Math.round(clamp(sum, 0, 100));

	const summary = summaryOf(risk, factors);
	const reasons = upstreamProblem === null ? [summary, languageNote] : [summary, upstreamProblem, languageNote];
	if (sentiment.source === 'upstream') reasons.push(`sentiment taken from ${sentiment.field} (${sentiment.label})`);
	const themes: string[] = [];
	for (let k = 0; k < themeCount; k++) themes.push(THEMES[(input.themeOrder as Int32Array)[k]].id);
	return { risk, language, unscored: false, sentiment, themes, factors: input.withReasons ? factors : [], reasons };
}
