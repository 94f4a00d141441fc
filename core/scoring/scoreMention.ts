// Placeholder: replaced by the full per-mention scorer (sentiment EN/FR, themes, reach, velocity).
import type { Mention } from '../mention/mention';
import type { MentionScore } from './types';

export interface ScoreMentionOptions {
	upstreamSentiment?: { field: string; value: unknown } | null;
	supportedLanguages?: string[];
}

export function scoreMention(mention: Mention, _options: ScoreMentionOptions, _now: string): MentionScore {
	return {
		risk: 0,
		language: mention.language,
		unscored: false,
		sentiment: null,
		themes: [],
		factors: [],
		reasons: [],
	};
}
