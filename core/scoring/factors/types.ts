/**
 * What every risk factor is: a pure function of what Score Mentions knows about one
 * mention (`FactorInput`) returning its contribution to the 0–100 risk and its reason
 * (a `RiskFactor`), or null when it does not apply (its weight is 0, or there is nothing
 * to read, such as a rating on a post).
 */
import type { Mention } from '../../mention/mention';
import type { TextAnalysis } from '../sentiment/analyzeSentiment';
import type { RiskFactor, Sentiment } from '../types';

/** Maximum points each factor can add to the 0–100 risk. */
export interface RiskWeights {
	/** Negative sentiment, scaled by its strength (default 35). */
	sentiment: number;
	/** Complaint phrasing ('still waiting', 'remboursez', 'no one answers') (default 10). */
	complaint: number;
	/** Crisis themes (data leak, recall, injury…), scaled by the most severe theme (default 30). */
	crisisVocabulary: number;
	/** Author reach: followers on a log scale, 1M+ = full points (default 15). */
	reach: number;
	/** Likes + shares + replies per hour since publication, 1,000/h = full points (default 10). */
	engagementVelocity: number;
	/** Star rating of reviews: 1 star = full points, 2 stars = half (default 10). */
	rating: number;
}

export interface FactorInput {
	mention: Mention;
	/** The `now` given to `scoreMention` (RFC3339), for the velocity. */
	now: string;
	weights: RiskWeights;
	/** The sentiment used (upstream or lexicon). */
	sentiment: Sentiment;
	/** The lexicon pass over the text (null when it did not run: upstream sentiment, language unknown). */
	analysis: TextAnalysis | null;
	/** Crisis themes found: how many, their `THEMES` indices most severe first, and by index the terms found. */
	themeCount: number;
	themeOrder: Int32Array | null;
	themeTerms: readonly string[][] | null;
	/** The lexicon language the text was read in, null when none. */
	lexiconLanguage: 'en' | 'fr' | null;
	/** How the language was chosen (for reasons of factors that could not run). */
	languageNote: string;
	/** false when only the summary is kept (Output Detail › summary): factors leave their reason empty. */
	withReasons: boolean;
}

/** One risk factor: its contribution and its reason, or null when it does not apply. */
export type Factor = (input: FactorInput) => RiskFactor | null;
