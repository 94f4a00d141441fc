/**
 * Contracts of the post-crisis impact report: its input (mentions, timeline, situations)
 * and its output (`ReportMetrics`, JSON-safe, every figure with the way it was computed).
 */
import type { Mention } from '../mention/mention';
import type { MentionScore, Situation } from '../scoring/types';
import type { Level } from '../levels';

export type ReportLanguage = 'en' | 'fr';

/** A mention as the report reads it: the record, optionally with its crisis score. */
export type ReportMention = Mention & { crisis?: MentionScore | null };

/**
 * One event of the incident timeline. Structural on purpose: the playbook owns the real
 * type; the report only reads these fields and ignores the rest.
 */
export interface ReportTimelineEvent {
	type:
		| 'detected'
		| 'levelChanged'
		| 'planIssued'
		| 'statementDrafted'
		| 'statementApproved'
		| 'statementPosted'
		| 'publishingPaused'
		| 'publishingResumed'
		| 'stepDone'
		| 'resolved'
		| string;
	/** RFC3339 timestamp. */
	at: string;
	actor?: string | null;
	level?: Level | string | null;
	details?: Record<string, unknown> | null;
	stepId?: string | null;
	/** RFC3339 deadline of the step, when the plan gave one. */
	deadline?: string | null;
}

export interface ReportInput {
	mentions: ReportMention[];
	timeline?: ReportTimelineEvent[] | null;
	situations?: Situation[] | null;
	/** Set the during phase by hand (RFC3339); otherwise derived from the levels or the volume. */
	phases?: { duringStart: string; duringEnd: string } | null;
	language?: ReportLanguage;
	/** IANA time zone used to display times (default UTC). Computations are zone-independent. */
	timeZone?: string;
	title?: string;
	brand?: string;
}

/** A figure and how it was computed, in the report's language. */
export interface Metric<T> {
	value: T;
	how: string;
	/** Unit of the numbers in `value`: ms (durations), mentions, share (0–1), risk (0–100), followers. */
	unit?: 'ms' | 'mentions' | 'mentionsPerHour' | 'share' | 'risk' | 'followers';
}

export type PhaseName = 'before' | 'during' | 'after';

export interface PerPhase<T> {
	before: T;
	during: T;
	after: T;
}

export interface PhaseStats {
	/** RFC3339 bounds of the phase as used (clipped to the data range); null when the phase is empty. */
	start: string | null;
	end: string | null;
	hours: number;
	mentions: number;
	/** Mentions that carry a sentiment label. */
	scored: number;
	sentiment: { negative: number; neutral: number; positive: number; unknown: number };
}

export interface VolumeBucket {
	/** RFC3339 UTC start of the bucket. */
	start: string;
	count: number;
	negative: number;
}

export interface LevelBand {
	start: string;
	end: string;
	level: Level;
}

export interface CountItem {
	key: string;
	count: number;
	share: number;
}

export interface TopAuthor {
	platform: string;
	handle: string;
	name: string | null;
	url: string | null;
	followers: number | null;
	verified: boolean;
	mentions: number;
	negative: number;
}

export interface MentionSummary {
	id: string;
	platform: string;
	url: string | null;
	publishedAt: string;
	author: { handle: string; name: string | null; url: string | null; followers: number | null };
	/** Title and text, shortened to 280 characters. */
	title: string | null;
	text: string;
	shares: number;
	engagement: number;
	risk: number | null;
	sentiment: string | null;
}

export interface ThemeCount {
	theme: string;
	count: number;
	during: number;
}

export interface LateStep {
	stepId: string | null;
	label: string;
	deadline: string;
	/** When it was done, or null when it was still not done at report time. */
	doneAt: string | null;
	lateByMs: number;
}

export interface TimelineEntry {
	/** 1-based number, also the marker on the volume chart. */
	n: number;
	type: string;
	at: string;
	actor: string | null;
	level: Level | null;
	stepId: string | null;
	deadline: string | null;
	late: boolean;
	/** Short human description (title/summary/step from details when present). */
	summary: string | null;
	/** Whether the event is marked on the chart (key events only). */
	marked: boolean;
}

export interface ReportMetrics {
	schema: 'crisis-kit/report@1';
	generatedAt: string;
	language: ReportLanguage;
	timeZone: string;
	title: string;
	brand: string | null;
	/** Whether mentions carried crisis scores (sentiment, risk, themes). */
	scored: boolean;
	/** Limits of this report, in plain words (missing scores, invalid timestamps…). */
	notes: string[];
	range: { start: string | null; end: string | null; mentions: number; excluded: number };
	phases: {
		source: 'user' | 'situations' | 'timeline' | 'volume' | 'none';
		duringStart: string | null;
		duringEnd: string | null;
		how: string;
	};
	phaseStats: PerPhase<PhaseStats>;
	volume: {
		/** Hours per bucket of `series` (1 unless the data spans months). */
		bucketHours: number;
		series: VolumeBucket[];
		total: Metric<number>;
		peak: Metric<{ at: string; count: number } | null>;
		perHour: Metric<PerPhase<number | null>>;
		baseline: Metric<{ median: number; threshold: number } | null>;
	};
	levels: {
		bands: LevelBand[];
		highest: Metric<Level | null>;
		/** Milliseconds spent at or above each level. */
		durationAtOrAbove: Metric<Record<Level, number> | null>;
	};
	sentiment: {
		negativeShare: Metric<PerPhase<number | null>>;
		averageRisk: Metric<PerPhase<number | null>>;
		recovery: Metric<{
			degraded: boolean;
			recovered: boolean;
			at: string | null;
			/** From the start of the during phase to the sustained recovery. */
			afterMs: number | null;
		} | null>;
	};
	reach: {
		potential: Metric<number>;
		authors: Metric<number>;
		unknownReachAuthors: number;
		topAuthors: Metric<TopAuthor[]>;
	};
	sources: Metric<CountItem[]>;
	languages: Metric<CountItem[]>;
	themes: Metric<ThemeCount[] | null>;
	topNegative: Metric<MentionSummary[]>;
	response: {
		firstAbnormal: Metric<string | null>;
		firstAlert: Metric<{ at: string; source: string } | null>;
		firstApproved: Metric<string | null>;
		resolved: Metric<{ at: string; estimated: boolean } | null>;
		timeToDetect: Metric<number | null>;
		timeToAcknowledge: Metric<number | null>;
		timeToResolve: Metric<number | null>;
		lateSteps: Metric<LateStep[]>;
	};
	timeline: TimelineEntry[];
}

export interface RenderOptions {
	/** Rows in each table (default 10, max 50). */
	maxRows?: number;
}
