/**
 * The crisis document: the plan a team writes calmly, before the crisis, and that the
 * playbook follows during it. Plain JSON data with a versioned schema
 * (see docs/crisis-document.md for every field and why it exists).
 */
import type { Level } from '../levels';

/** The schema version this code reads and writes. Bumped only on breaking changes. */
export const CRISIS_DOCUMENT_SCHEMA_VERSION = 1;

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** How the brand positions itself publicly (the four classic crisis stances). */
export const STANCES = ['acknowledge', 'correctFacts', 'apologise', 'rebuild'] as const;
export type Stance = (typeof STANCES)[number];

/** Public channels a statement can be drafted for, with their length limits. */
export const CHANNELS = [
	'x',
	'bluesky',
	'mastodon',
	'linkedin',
	'facebook',
	'instagram',
	'threads',
	'email',
	'website',
	'sms',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Maximum statement length per channel, in characters (null = no limit). X counts with its own weighting. */
export const CHANNEL_LIMITS: Readonly<Record<Channel, number | null>> = Object.freeze({
	x: 280,
	bluesky: 300,
	mastodon: 500,
	linkedin: 3000,
	facebook: 63206,
	instagram: 2200,
	threads: 500,
	email: null,
	website: null,
	sms: 160,
});

/** Where a step happens: a public channel, or one of these internal ones. */
export const INTERNAL_CHANNELS = [
	'internal',
	'phone',
	'press',
	'crm',
	'scheduler',
	'allSocial',
] as const;
export type InternalChannel = (typeof INTERNAL_CHANNELS)[number];
export type StepChannel = Channel | InternalChannel;
export const STEP_CHANNELS: readonly StepChannel[] = [...CHANNELS, ...INTERNAL_CHANNELS];

/**
 * What the automation can recognise a step by, so the timeline marks it done on its own
 * (a `publishingPaused` event completes the step whose operation is `pausePublishing`).
 */
export const STEP_OPERATIONS = [
	'pausePublishing',
	'resumePublishing',
	'draftStatement',
	'postStatement',
] as const;
export type StepOperation = (typeof STEP_OPERATIONS)[number];

/** The kinds of statement a scenario can hold. `holding` and `reply` are required. */
export const STATEMENT_KINDS = ['holding', 'reply', 'update', 'resolution'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];
export const REQUIRED_STATEMENT_KINDS: readonly StatementKind[] = ['holding', 'reply'];

/** Levels a scenario can plan for (calm has no steps). */
export const PLAN_LEVELS = ['watch', 'alert', 'crisis', 'critical'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];

/** One text per language of the document (every language in `languages` is required). */
export type LocalizedText = Partial<Record<Language, string>>;
export type LocalizedList = Partial<Record<Language, string[]>>;

export interface Brand {
	/** The name used in statements through `{brand}`. */
	name: string;
	/** Terms the Mention Trigger watches (names, product names, domains). */
	watchTerms: string[];
	/** Hashtags watched, without `#`. */
	hashtags: string[];
	/** Accounts watched (ours, influential critics, journalists), as `platform:handle`. */
	watchedAccounts: string[];
	/** Terms that exclude a mention (homonyms). */
	excludeTerms: string[];
	/** Our own handles per platform (`x`: `orvia`), used to ignore our own posts. */
	handles: Record<string, string>;
	websiteUrl: string;
	supportUrl: string;
	statusPageUrl: string;
}

/** The thresholds one level requires. A level is reached when every criterion is met. */
export interface LevelThreshold {
	/** Mentions of the brand in the window. */
	minMentions: number;
	/** Window volume divided by the volume the baseline expects for a window this long (0 = off). */
	minVolumeRatio: number;
	/** Share (0–1) of negative mentions among the scored ones. */
	minNegativeShare: number;
	/** Distinct negative authors with at least `influentialFollowers` followers. */
	minInfluentialAuthors: number;
	/** Summed followers of the distinct authors of negative mentions. */
	minNegativeReach: number;
}

export interface LevelThresholds {
	/** Length of the assessed window, in minutes. */
	windowMinutes: number;
	/** Days of history the baseline is computed over. */
	baselineDays: number;
	/** Followers from which an author counts as influential. */
	influentialFollowers: number;
	thresholds: Record<PlanLevel, LevelThreshold>;
}

export interface StepDefinition {
	action: LocalizedText;
	/** A contact id. */
	owner: string;
	/** A contact id who takes over when the owner is not available. */
	backupOwner?: string;
	channel: StepChannel;
	/** Minutes after the plan that first lists the step. */
	deadlineMinutes: number;
	operation?: StepOperation;
}

/** A step of a scenario level: a reference to the step library, or a step written inline. */
export type StepEntry = StepReference | InlineStep;

export interface StepReference {
	/** Id of a step in the document's `steps` library. */
	ref: string;
	owner?: string;
	backupOwner?: string;
	channel?: StepChannel;
	deadlineMinutes?: number;
}

export interface InlineStep extends StepDefinition {
	id: string;
}

export interface ScenarioLevel {
	/** The holding statement must be public within this many minutes at this level. */
	deadlineMinutes: number;
	/** Whether scheduled publishing is paused from this level on. */
	pausePublishing: boolean;
	/** Overrides the scenario's stance at this level. */
	stance?: Stance;
	steps: StepEntry[];
}

export interface StatementVariant {
	/** The full text (website, e-mail, LinkedIn, Facebook…). */
	text: string;
	/** A version for short channels (X, Bluesky, SMS…), used when `text` does not fit. */
	short?: string;
}

export type StatementTemplate = Partial<Record<Language, StatementVariant>>;

export interface ApprovalRule {
	/** Contact id of who approves statements. */
	approver: string;
	/** Contact id asked when the approver does not answer in time. */
	deputy: string;
	/** Minutes to wait for the approver before asking the deputy. */
	timeoutMinutes: number;
}

export interface Scenario {
	id: string;
	name: LocalizedText;
	description: LocalizedText;
	/** Theme ids of the mention scorer (`dataLeak`, `outage`, …) that point to this scenario. */
	themes: string[];
	/** Words and phrases, per language, that point to this scenario in mention texts. */
	cues: LocalizedList;
	stance: Stance;
	levels: Partial<Record<PlanLevel, ScenarioLevel>>;
	keyMessages: LocalizedList;
	statements: Partial<Record<StatementKind, StatementTemplate>>;
	/** Overrides the document's approval rule for this scenario (legal-sensitive ones). */
	approval?: ApprovalRule;
}

export interface Contact {
	id: string;
	name: string;
	role: string;
	email: string;
	phone?: string;
	/** Contact id of this person's deputy. */
	deputy?: string;
}

/** A placeholder the team defines, filled at draft time or with its fallback. */
export interface CustomPlaceholder {
	name: string;
	description: string;
	fallback: LocalizedText;
}

export interface StatementSettings {
	/** `{nextUpdateTime}` is this many minutes after the draft. */
	nextUpdateMinutes: number;
}

/** Settings of Close Incident / Propose Document Update. */
export interface ReviewSettings {
	/** Detection later than this after the first incident mention counts as a late alert. */
	lateAlertMinutes: number;
	/** A term or hashtag needs this many incident mentions to be proposed as a watch term. */
	unwatchedTermMinMentions: number;
	/** …and this share (0–1) of the incident mentions. */
	unwatchedTermMinShare: number;
	/** False alarms at one level (from the backtest) before its thresholds are raised. */
	falseAlarmsBeforeRaise: number;
	/** Relative change (0–1) applied to a threshold when it is lowered or raised. */
	thresholdStep: number;
}

export interface HistoryEntry {
	version: number;
	updatedAt: string;
	updatedBy: string;
	summary: string;
	changes?: Array<{ path: string; reason: string }>;
}

export interface CrisisDocument {
	schemaVersion: 1;
	/** Revision of this document: 1, 2, 3… Never reused. */
	version: number;
	updatedAt: string;
	updatedBy: string;
	/** IANA time zone deadlines are shown in (`Europe/Paris`). */
	timeZone: string;
	/** Languages every text must exist in. */
	languages: Language[];
	defaultLanguage: Language;
	brand: Brand;
	levels: LevelThresholds;
	guidelines: LocalizedList;
	steps: Record<string, StepDefinition>;
	scenarios: Scenario[];
	/** Scenario used when none matches. */
	fallbackScenarioId: string;
	approval: ApprovalRule;
	contacts: Contact[];
	placeholders: CustomPlaceholder[];
	statementSettings: StatementSettings;
	review: ReviewSettings;
	history: HistoryEntry[];
}

export type { Level };
