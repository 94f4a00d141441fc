/**
 * Contracts of the scoring layer, shared with the playbook and the report.
 * Keep these stable: other parts of core/ and the nodes depend on them.
 */
import type { Level } from '../levels';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface Sentiment {
	label: SentimentLabel;
	/** -1 (very negative) … +1 (very positive). */
	score: number;
	/** Where the sentiment came from: our lexicon, or an upstream node's field (named). */
	source: 'lexicon' | 'upstream';
	/** For upstream sentiment: the field path it was read from. */
	field?: string;
}

/** One contribution to the 0–100 risk, with its reason in plain words. */
export interface RiskFactor {
	name: 'sentiment' | 'crisisVocabulary' | 'reach' | 'engagementVelocity' | 'complaint' | string;
	/** The raw measure (e.g. followers, engagement per hour, sentiment score). */
	value: number;
	/** Points this factor adds to the risk (they sum to `risk`, before clamping). */
	contribution: number;
	reason: string;
}

export interface MentionScore {
	/** 0–100, or null when the mention is unscored (unsupported language). */
	risk: number | null;
	/** Language used for scoring (platform field first, then detection), or null. */
	language: string | null;
	/** true when the language is not supported: no guess is made. */
	unscored: boolean;
	sentiment: Sentiment | null;
	/** Crisis themes found (`dataLeak`, `outage`, `recall`, `boycott`, …). */
	themes: string[];
	factors: RiskFactor[];
	/** Plain-words summary of why the risk is what it is. */
	reasons: string[];
}

/** A mention after `Score Mentions`: the record plus its `crisis` score. */
export interface ScoredMentionFields {
	crisis: MentionScore;
}

/** The situation of a time window (output of Assess Situation). */
export interface Situation {
	level: Level;
	/** Start and end of the assessed window, RFC3339 UTC. */
	windowStart: string;
	windowEnd: string;
	/** When it was assessed (the `now` given), RFC3339 UTC. */
	assessedAt: string;
	reasons: string[];
	metrics: Record<string, number | string | null>;
	themes: string[];
}
