/** The label of a text from its raw sentiment sum: the neutral band per language. */
import type { SentimentLabel } from '../types';

export type SentimentLanguage = 'en' | 'fr';

/**
 * Symmetric thresholds on the raw sum: a text is negative at -polar or below, positive at
 * +polar or above, neutral in between. `question` widens the neutral band on both sides
 * for texts that ask a question (and do not exclaim): people asking something are neutral
 * unless they clearly complain or praise. See docs/scoring-mentions.md for how the band
 * was calibrated (on the error-analysis splits only, never on the check sets).
 */
export const THRESHOLDS: Record<SentimentLanguage, { polar: number; question: number }> = {
	en: { polar: 1.5, question: 0.5 },
	fr: { polar: 0.5, question: 0 },
};

/** The label for a raw sum: symmetric band ±polar, widened by `question` for a text that asks. */
export function labelFor(raw: number, asking: boolean, polar: number, question: number): SentimentLabel {
	const band = asking ? polar + question : polar;
	return raw <= -band ? 'negative' : raw >= band ? 'positive' : 'neutral';
}

/** The built-in neutral band of a language (see THRESHOLDS). */
export function sentimentThresholds(language: SentimentLanguage): { polar: number; question: number } {
	return { ...THRESHOLDS[language] };
}
