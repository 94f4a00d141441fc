/**
 * Outputs of the playbook operations and the incident timeline. Plain data, JSON-safe, so the
 * n8n node can emit them as items and a later run can read them back.
 */
import type { Channel, Language, PlanLevel, Stance, StatementKind, StepChannel, StepOperation } from '../document/types';
import type { Level } from '../levels';

export interface ContactRef {
	id: string;
	name: string;
	role: string;
	email: string;
	phone?: string;
}

export interface ResolvedApproval {
	required: true;
	approverId: string;
	approver: ContactRef;
	deputyId: string;
	deputy: ContactRef;
	timeoutMinutes: number;
}

export interface PlannedStep {
	id: string;
	action: string;
	ownerId: string;
	owner: ContactRef;
	backupOwner?: ContactRef;
	channel: StepChannel;
	operation?: StepOperation;
	/** The scenario and level whose definition the step follows. */
	scenarioId: string;
	level: PlanLevel;
	deadlineMinutes: number;
	/** When the step was first planned in this incident (UTC). */
	firstPlannedAt: string;
	/** Absolute deadline in the document's time zone, with its offset. */
	dueAt: string;
	dueAtUtc: string;
	/** new: first planned now; open: carried over; overdue: deadline passed. */
	status: 'new' | 'open' | 'overdue';
}

export interface ScenarioMatch {
	scenarioId: string;
	score: number;
	/** Mentions that carry one of its themes or use one of its cues. */
	matchedMentions: number;
	themeMentions: Record<string, number>;
	cueMentions: Record<string, number>;
	reasons: string[];
}

export interface PlanChanges {
	isFirstPlan: boolean;
	levelChanged: { from: Level; to: Level } | null;
	scenarioChanged: { from: string; to: string } | null;
	/** Steps planned for the first time. */
	addedSteps: string[];
	/** Open steps whose deadline a higher level brought forward. */
	tightenedSteps: Array<{ id: string; fromUtc: string; toUtc: string }>;
	carriedOverSteps: string[];
	/** Steps the level asks for that are already done (never repeated). */
	alreadyDoneSteps: string[];
	summary: string[];
}

export interface ResponsePlan {
	planId: string;
	incidentId: string | null;
	documentVersion: number;
	issuedAt: string;
	timeZone: string;
	language: Language;
	level: Level;
	previousLevel: Level | null;
	scenario: {
		id: string;
		name: string;
		/** How it was chosen. */
		source: 'matched' | 'kept' | 'forced' | 'fallback';
		score: number;
		reasons: string[];
	};
	alternatives: ScenarioMatch[];
	stance: Stance;
	keyMessages: string[];
	steps: PlannedStep[];
	completedStepIds: string[];
	statement: {
		kind: 'holding';
		status: 'due' | 'posted';
		deadlineMinutes: number;
		dueAt: string;
		dueAtUtc: string;
		approval: ResolvedApproval;
	} | null;
	publishing: { action: 'pause' | 'keepPaused' | 'resume' | 'none'; reason: string };
	changes: PlanChanges;
	reasons: string[];
}

export interface StatementDraft {
	statementId: string;
	scenarioId: string;
	kind: StatementKind;
	language: Language;
	channel: Channel;
	text: string;
	/** Length as the channel counts it, and its limit (null = none). */
	length: number;
	limit: number | null;
	/** Which template text was used: the full one, the short one, or a cut of the shortest. */
	variant: 'text' | 'short';
	truncated: boolean;
	/** The template used, and the value put in each of its placeholders. */
	template: string;
	values: Record<string, string>;
	needsApproval: true;
	approval: ResolvedApproval & {
		/** Ask the deputy if the approver has not answered by then. */
		escalateAt: string;
		escalateAtUtc: string;
	};
	stance: Stance;
	documentVersion: number;
	draftedAt: string;
	warnings: string[];
}

export const TIMELINE_EVENT_TYPES = [
	'detected',
	'levelChanged',
	'planIssued',
	'statementDrafted',
	'statementApproved',
	'statementRejected',
	'statementPosted',
	'publishingPaused',
	'publishingResumed',
	'stepCompleted',
	'note',
	'resolved',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

export interface Actor {
	kind: 'person' | 'system';
	/** A contact id, an e-mail, or the name of the workflow/node. */
	id: string;
	name?: string;
}

export interface TimelineEventData {
	detected: { level: Level; scenarioId?: string; firstMentionAt?: string; reasons?: string[] };
	levelChanged: { from: Level; to: Level; reasons?: string[] };
	planIssued: {
		planId: string;
		level: Level;
		scenarioId: string;
		documentVersion: number;
		steps: Array<{ id: string; ownerId: string; dueAt: string; operation?: StepOperation }>;
		statementDueAt?: string;
	};
	statementDrafted: {
		statementId: string;
		scenarioId: string;
		kind: StatementKind;
		language: Language;
		channel: Channel;
		variant: 'text' | 'short';
		truncated: boolean;
		text: string;
		template?: string;
		values?: Record<string, string>;
	};
	statementApproved: { statementId: string; approverId: string; text: string };
	statementRejected: { statementId: string; approverId: string; reason?: string };
	statementPosted: { statementId: string; channel: Channel; kind?: StatementKind; url?: string };
	publishingPaused: { targets?: string[]; count?: number };
	publishingResumed: { targets?: string[]; count?: number };
	stepCompleted: { stepId: string; note?: string };
	note: { text: string };
	resolved: { summary?: string };
}

export interface TimelineEvent<T extends TimelineEventType = TimelineEventType> {
	/** Deterministic: the same event content always gets the same id. */
	id: string;
	incidentId: string;
	type: T;
	/** When it happened, RFC 3339 UTC. */
	at: string;
	actor: Actor;
	/** One line for humans. */
	summary: string;
	data: TimelineEventData[T];
}

/** What a backtest of the thresholds found (from Crisis Score's backtest, or written by hand). */
export interface BacktestSummary {
	/** Alerts raised although nothing happened. */
	falseAlarms?: Array<{ at: string; level: Level; reasons?: string[] }>;
	/** Real incidents flagged late; alertedAt null when missed. */
	lateAlerts?: Array<{ level: Level; firstMentionAt: string; alertedAt: string | null }>;
}

export type Finding =
	| {
			kind: 'lateAlert';
			level: PlanLevel;
			minutesLate: number;
			/** When the incident's mentions reached the level's volume. */
			dueAt: string;
			detectedAt: string | null;
			/** Criteria that were below their threshold at `dueAt` (from the mentions). */
			blockingCriteria: Array<{ field: string; observed: number; threshold: number }>;
			source: 'timeline' | 'backtest';
			reason: string;
	  }
	| { kind: 'falseAlarm'; level: PlanLevel; count: number; reason: string }
	| {
			kind: 'unwatchedTerm';
			term: string;
			mentions: number;
			share: number;
			scenarioId: string | null;
			language: Language;
			reason: string;
	  }
	| {
			kind: 'missedDeadline';
			stepId: string;
			ownerId: string;
			dueAt: string;
			doneAt: string | null;
			minutesLate: number;
			reason: string;
	  }
	| {
			kind: 'editedStatement';
			statementId: string;
			scenarioId: string;
			statementKind: StatementKind;
			language: Language;
			variant: 'text' | 'short';
			truncated: boolean;
			drafted: string;
			approved: string;
			values: Record<string, string>;
			reason: string;
	  };

export interface IncidentReview {
	incidentId: string;
	documentVersion: number;
	closedAt: string;
	scenarioIds: string[];
	peakLevel: Level;
	firstMentionAt: string | null;
	detectedAt: string | null;
	firstStatementPostedAt: string | null;
	resolvedAt: string;
	timeToDetectMinutes: number | null;
	timeToAcknowledgeMinutes: number | null;
	incidentMentions: number;
	findings: Finding[];
	summary: string[];
	/** The `resolved` event to add to the timeline, or null when it is already there. */
	resolvedEvent: TimelineEvent<'resolved'> | null;
}

export interface DocumentChange {
	path: string;
	before: unknown;
	after: unknown;
	reason: string;
	finding: Finding['kind'];
}
