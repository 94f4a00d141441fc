/**
 * Rule-and-lexicon sentiment for English and French social-media text: the public entry
 * point. How a text is read:
 *
 * One tokenizer pass (tokenize.ts), then one pass over the tokens (rulePass.ts) with
 * the compiled lexicon's look-ups (compileLexicon.ts): multi-word expressions, word
 * valences (with light suffix stripping), intensifiers and softeners, negation within the
 * clause, contrast ('but', 'mais'), capitals, elongation, emoji and emoticons, exclamation
 * marks. Lexicon options add, for French, negation of whole expressions ("pas une bonne
 * nouvelle"), a negator after the word ("j'aime pas") and shifters ('réduire la
 * pollution', 'moins efficace'). Then the whole-text rules (textRules.ts): courtesy words
 * ('thanks', 'merci') count little in a text that otherwise complains, and praise next to
 * a sarcasm cue and a problem ('great, another delay') is read as negative. The label
 * comes from the neutral band of each language (labels.ts).
 *
 * The scratch of a pass belongs to a `TextAnalyzer` (analyzer.ts), never to this module.
 */
import { THEME_INDEX } from '../themes';
import type { SentimentLabel } from '../types';
import { TextAnalyzer } from './analyzer';
import { labelFor, THRESHOLDS } from './labels';
import type { SentimentLanguage } from './labels';

export { TextAnalysis, TextAnalyzer, ThemeFinds } from './analyzer';
export { sentimentThresholds } from './labels';
export type { SentimentLanguage } from './labels';

export interface SentimentHit {
	/** The word, expression, emoji or emoticon as matched (lower-case). */
	term: string;
	/** Its contribution after negation, intensifiers and the other rules (-4..+4 scale). */
	weight: number;
}

export interface SentimentAnalysis {
	label: SentimentLabel;
	/** -1 (very negative) … +1 (very positive): the raw sum squashed by x / sqrt(x² + 15). */
	score: number;
	/** Sum of the contributions (unbounded). */
	raw: number;
	/** Sum of positive and of negative contributions. */
	positive: number;
	negative: number;
	/** The strongest contributions, strongest first (at most 6). */
	hits: SentimentHit[];
	/** Complaint phrasing or service-failure words found ('still waiting', 'remboursez', 'delayed'). */
	complaintTerms: string[];
	/** Whether a sarcasm pattern flipped praise into criticism. */
	sarcasm: boolean;
	language: SentimentLanguage;
}

export interface SentimentOptions {
	/**
	 * Replaces the language's neutral band (symmetric: negative at -polar or below,
	 * positive at +polar or above; `question` widens it for texts that ask). For
	 * calibration (bench/sentiment.js --calibrate) or a team's own trade-off.
	 */
	thresholds?: { polar: number; question?: number };
	/** The analyser whose scratch the pass uses (one per batch); a new one when none is given. */
	analyzer?: TextAnalyzer;
}

/** Analyses the sentiment of one text in English or French. Pure and deterministic. */
export function analyzeSentiment(text: string, language: SentimentLanguage, options?: SentimentOptions): SentimentAnalysis {
	const analyzer = options?.analyzer ?? new TextAnalyzer(THEME_INDEX);
	const pass = analyzer.analyze(text, language, false);
	const th = options?.thresholds;
	if (th !== undefined) pass.label = labelFor(pass.raw, pass.asking, th.polar, th.question ?? THRESHOLDS[language].question);
	const hits: SentimentHit[] = [];
	for (let k = 0; k < pass.hitCount; k++) hits.push({ term: pass.hitTerms[k], weight: pass.hitWeights[k] });
	return {
		label: pass.label,
		score: pass.score,
		raw: pass.raw,
		positive: pass.positive,
		negative: pass.negative,
		hits,
		complaintTerms: pass.complaintTerms.slice(0, pass.complaintCount),
		sarcasm: pass.sarcasm,
		language: pass.language,
	};
}
