/**
 * Log Event: builds and validates incident timeline events (detected, level changed, plan
 * issued, statement drafted/approved/rejected/posted, publishing paused/resumed, step
 * completed, note, resolved), each with its actor and time. Also reads a timeline back into
 * the state the planner needs (what is done, whether publishing is paused).
 */
import { DateTime } from 'luxon';

import { CHANNELS, LANGUAGES, STATEMENT_KINDS, STEP_OPERATIONS } from '../document/types';
import type { StatementKind, StepOperation } from '../document/types';
import {
	IssueCollector,
	arrayRule,
	booleanRule,
	isPlainObject,
	numberRule,
	objectRule,
	oneOfRule,
	recordRule,
	stringRule,
} from '../document/validator';
import type { Rule, ValidationIssue } from '../document/validator';
import { LEVELS, levelRank } from '../levels';
import type { Level } from '../levels';
import { contentId } from './ids';
import { PlaybookError } from './playbookError';
import { epochMs, isInstant, parseInstant, toUtc } from './time';
import { TIMELINE_EVENT_TYPES } from './types';
import type { Actor, TimelineEvent, TimelineEventData, TimelineEventType } from './types';

const INCIDENT_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

function instantRule(): Rule {
	const expected = 'an RFC 3339 date-time with a time zone (2026-03-05T09:14:00Z)';
	return stringRule({
		expected,
		extra(value, path, issues) {
			if (!isInstant(value)) issues.expected(path, expected, value);
		},
	});
}

const level = oneOfRule(LEVELS, 'a level');
const optional = (rule: Rule) => ({ rule, optional: true });
const targets = { targets: optional(arrayRule(stringRule())), count: optional(numberRule({ min: 0, integer: true })) };

const DATA_RULES: Record<TimelineEventType, Rule> = {
	detected: objectRule({
		level,
		scenarioId: optional(stringRule()),
		firstMentionAt: optional(instantRule()),
		reasons: optional(arrayRule(stringRule())),
	}),
	levelChanged: objectRule({ from: level, to: level, reasons: optional(arrayRule(stringRule())) }),
	planIssued: objectRule({
		planId: stringRule(),
		level,
		scenarioId: stringRule(),
		documentVersion: numberRule({ min: 1, integer: true }),
		steps: arrayRule(
			objectRule({
				id: stringRule(),
				ownerId: stringRule(),
				dueAt: instantRule(),
				operation: optional(oneOfRule(STEP_OPERATIONS, 'an operation')),
			}),
		),
		statementDueAt: optional(instantRule()),
	}),
	statementDrafted: objectRule({
		statementId: stringRule(),
		scenarioId: stringRule(),
		kind: oneOfRule(STATEMENT_KINDS, 'a statement kind'),
		language: oneOfRule(LANGUAGES, 'a language'),
		channel: oneOfRule(CHANNELS, 'a channel'),
		variant: oneOfRule(['text', 'short'], 'a variant'),
		truncated: booleanRule(),
		text: stringRule(),
		template: optional(stringRule()),
		values: optional(recordRule(/^[A-Za-z][A-Za-z0-9]*$/, 'a placeholder name', { expected: 'a text', check: textCheck })),
	}),
	statementApproved: objectRule({ statementId: stringRule(), approverId: stringRule(), text: stringRule() }),
	statementRejected: objectRule({ statementId: stringRule(), approverId: stringRule(), reason: optional(stringRule()) }),
	statementPosted: objectRule({
		statementId: stringRule(),
		channel: oneOfRule(CHANNELS, 'a channel'),
		kind: optional(oneOfRule(STATEMENT_KINDS, 'a statement kind')),
		url: optional(stringRule({ expected: 'an http(s) URL', pattern: /^https?:\/\/\S+$/ })),
	}),
	publishingPaused: objectRule(targets),
	publishingResumed: objectRule(targets),
	stepCompleted: objectRule({ stepId: stringRule(), note: optional(stringRule()) }),
	note: objectRule({ text: stringRule() }),
	resolved: objectRule({ summary: optional(stringRule()) }),
};

function textCheck(value: unknown, path: string, issues: IssueCollector): void {
	if (typeof value !== 'string') issues.expected(path, 'a text', value);
}

const ACTOR_RULE = objectRule({
	kind: oneOfRule(['person', 'system'], 'an actor kind'),
	id: stringRule(),
	name: optional(stringRule()),
});

export interface LogEventInput<T extends TimelineEventType = TimelineEventType> {
	incidentId: string;
	type: T;
	actor: Actor;
	data: TimelineEventData[T];
	/** When it happened; defaults to `now`. Must not be after `now`. */
	at?: string;
	now: string;
}

/** Builds a validated timeline event, or throws a PlaybookError naming the first bad field. */
export function logEvent<T extends TimelineEventType>(input: LogEventInput<T>): TimelineEvent<T> {
	const issues = new IssueCollector();
	const raw = input as unknown as Record<string, unknown>;
	if (!isPlainObject(raw)) throw new PlaybookError('invalidEvent', 'expected an object with incidentId, type, actor, data, now');
	const now = parseInstant(raw.now, 'now');
	const at = raw.at === undefined ? now : parseInstant(raw.at, 'at');
	if (at.toMillis() > now.toMillis()) {
		throw new PlaybookError('invalidEvent', `expected a time not after now (${toUtc(now)}), got ${JSON.stringify(raw.at)}`, 'at');
	}
	checkEnvelope(raw, issues);
	if (issues.count > 0) throw eventError(issues.issues);
	const type = raw.type as T;
	const event = buildEvent<T>(input.incidentId, type, toUtc(at), input.actor, input.data);
	return event;
}

function checkEnvelope(raw: Record<string, unknown>, issues: IssueCollector): void {
	stringRule({ expected: 'an incident id (letters, digits, _ . : -)', pattern: INCIDENT_ID }).check(raw.incidentId, 'incidentId', issues);
	oneOfRule(TIMELINE_EVENT_TYPES, 'an event type').check(raw.type, 'type', issues);
	ACTOR_RULE.check(raw.actor, 'actor', issues);
	const rule = DATA_RULES[raw.type as TimelineEventType];
	if (rule && Object.prototype.hasOwnProperty.call(DATA_RULES, raw.type as string)) rule.check(raw.data, 'data', issues);
	else if (!isPlainObject(raw.data)) issues.expected('data', 'an object', raw.data);
}

function eventError(issues: ValidationIssue[]): PlaybookError {
	const first = issues[0];
	const more = issues.length > 1 ? ` (and ${issues.length - 1} more: ${issues.slice(1, 4).map((i) => i.message).join('; ')})` : '';
	const sentence = first.message.startsWith(`${first.path}: `) ? first.message.slice(first.path.length + 2) : first.message;
	return new PlaybookError('invalidEvent', `${sentence}${more}`, first.path);
}

function buildEvent<T extends TimelineEventType>(
	incidentId: string,
	type: T,
	at: string,
	actor: Actor,
	data: TimelineEventData[T],
): TimelineEvent<T> {
	const cleanActor: Actor = actor.name === undefined ? { kind: actor.kind, id: actor.id } : { kind: actor.kind, id: actor.id, name: actor.name };
	const cleanData = JSON.parse(JSON.stringify(data)) as TimelineEventData[T];
	const id = contentId('evt', { incidentId, type, at, actor: cleanActor, data: cleanData });
	return { id, incidentId, type, at, actor: cleanActor, summary: summarise(type, cleanData), data: cleanData };
}

function summarise(type: TimelineEventType, data: unknown): string {
	const d = data as Record<string, unknown>;
	switch (type) {
		case 'detected':
			return `Incident detected at level ${String(d.level)}${d.scenarioId ? ` (${String(d.scenarioId)})` : ''}`;
		case 'levelChanged':
			return `Level changed from ${String(d.from)} to ${String(d.to)}`;
		case 'planIssued':
			return `Plan issued: ${(d.steps as unknown[]).length} open steps for ${String(d.scenarioId)} at ${String(d.level)}`;
		case 'statementDrafted':
			return `Statement drafted (${String(d.kind)}, ${String(d.language)}, ${String(d.channel)})`;
		case 'statementApproved':
			return `Statement ${String(d.statementId)} approved by ${String(d.approverId)}`;
		case 'statementRejected':
			return `Statement ${String(d.statementId)} rejected by ${String(d.approverId)}`;
		case 'statementPosted':
			return `Statement ${String(d.statementId)} posted on ${String(d.channel)}`;
		case 'publishingPaused':
			return `Scheduled publishing paused${d.count !== undefined ? ` (${String(d.count)} items)` : ''}`;
		case 'publishingResumed':
			return `Scheduled publishing resumed${d.count !== undefined ? ` (${String(d.count)} items)` : ''}`;
		case 'stepCompleted':
			return `Step ${String(d.stepId)} completed`;
		case 'note':
			return `Note: ${String(d.text).slice(0, 80)}`;
		case 'resolved':
			return 'Incident resolved';
	}
}

export type TimelineValidation =
	| { ok: true; event: TimelineEvent }
	| { ok: false; errors: ValidationIssue[] };

/** Validates an event read back (e.g. from a data table): shape, and that its id matches its content. */
export function validateTimelineEvent(value: unknown): TimelineValidation {
	const issues = new IssueCollector();
	if (!isPlainObject(value)) {
		issues.expected('', 'a timeline event (an object)', value);
		return { ok: false, errors: issues.issues };
	}
	for (const key of Object.keys(value)) {
		if (!['id', 'incidentId', 'type', 'at', 'actor', 'summary', 'data'].includes(key)) {
			issues.custom(key, 'a timeline event field', key, 'unknown field; known fields here: id, incidentId, type, at, actor, summary, data');
		}
	}
	stringRule({ expected: 'an event id (evt_ and 16 hex digits)', pattern: /^evt_[0-9a-f]{16}$/ }).check(value.id, 'id', issues);
	instantRule().check(value.at, 'at', issues);
	stringRule().check(value.summary, 'summary', issues);
	checkEnvelope(value, issues);
	if (issues.count > 0) return { ok: false, errors: issues.issues };
	const event = value as unknown as TimelineEvent;
	const rebuilt = buildEvent(event.incidentId, event.type, toUtc(DateTime.fromISO(event.at, { setZone: true })), event.actor, event.data);
	if (rebuilt.id !== event.id) {
		issues.expected('id', `${rebuilt.id} (the id of this content: was the event edited?)`, event.id);
		return { ok: false, errors: issues.issues };
	}
	return { ok: true, event: rebuilt };
}

const TYPE_ORDER = new Map<string, number>(TIMELINE_EVENT_TYPES.map((t, i) => [t, i]));

/** Events in time order (ties: event type order, then id), without duplicates. */
export function sortTimeline(events: readonly TimelineEvent[]): TimelineEvent[] {
	const unique = new Map<string, TimelineEvent>();
	for (const e of events) unique.set(e.id, e);
	return [...unique.values()].sort(
		(a, b) =>
			epochMs(a.at) - epochMs(b.at) ||
			(TYPE_ORDER.get(a.type) ?? 99) - (TYPE_ORDER.get(b.type) ?? 99) ||
			(a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
	);
}

/** What the planner reads from a timeline. */
export interface TimelineState {
	completedStepIds: string[];
	/** When each step was completed (first time), UTC. */
	completedAt: Record<string, string>;
	completedOperations: StepOperation[];
	publishingPaused: boolean;
	holdingStatementPostedAt: string | null;
	lastPlan: TimelineEvent<'planIssued'> | null;
	peakLevel: Level | null;
	resolvedAt: string | null;
}

/**
 * Reads the timeline: steps done (stepCompleted, or the event matching their operation:
 * publishingPaused → pausePublishing, an approved holding statement → draftStatement, a posted
 * holding statement → postStatement), whether publishing is paused now, the last plan.
 */
export function readTimeline(events: readonly TimelineEvent[]): TimelineState {
	const sorted = sortTimeline(events);
	const completedAt: Record<string, string> = {};
	const operationAt = new Map<StepOperation, string>();
	const draftedKind = new Map<string, StatementKind>();
	let paused = false;
	let holdingPostedAt: string | null = null;
	let lastPlan: TimelineEvent<'planIssued'> | null = null;
	let peak: Level | null = null;
	let resolvedAt: string | null = null;
	const bump = (l: Level): void => {
		if (peak === null || levelRank(l) > levelRank(peak)) peak = l;
	};
	const markOperation = (op: StepOperation, at: string): void => {
		if (!operationAt.has(op)) operationAt.set(op, at);
	};
	for (const e of sorted) {
		const d = e.data as unknown as Record<string, unknown>;
		switch (e.type) {
			case 'stepCompleted':
				if (completedAt[d.stepId as string] === undefined) completedAt[d.stepId as string] = e.at;
				break;
			case 'publishingPaused':
				paused = true;
				markOperation('pausePublishing', e.at);
				break;
			case 'publishingResumed':
				paused = false;
				markOperation('resumePublishing', e.at);
				break;
			case 'statementDrafted':
				draftedKind.set(d.statementId as string, d.kind as StatementKind);
				break;
			case 'statementApproved':
				if ((draftedKind.get(d.statementId as string) ?? 'holding') === 'holding') markOperation('draftStatement', e.at);
				break;
			case 'statementPosted': {
				const kind = (d.kind as StatementKind | undefined) ?? draftedKind.get(d.statementId as string) ?? 'holding';
				if (kind === 'holding') {
					markOperation('postStatement', e.at);
					if (holdingPostedAt === null) holdingPostedAt = e.at;
				}
				break;
			}
			case 'planIssued':
				lastPlan = e as TimelineEvent<'planIssued'>;
				bump(d.level as Level);
				break;
			case 'detected':
				bump(d.level as Level);
				break;
			case 'levelChanged':
				bump(d.to as Level);
				break;
			case 'resolved':
				if (resolvedAt === null) resolvedAt = e.at;
				break;
			default:
				break;
		}
	}
	// Steps known by operation through any plan are done when their operation happened.
	for (const e of sorted) {
		if (e.type !== 'planIssued') continue;
		for (const step of (e as TimelineEvent<'planIssued'>).data.steps) {
			const at = step.operation ? operationAt.get(step.operation) : undefined;
			if (at !== undefined && completedAt[step.id] === undefined) completedAt[step.id] = at;
		}
	}
	return {
		completedStepIds: Object.keys(completedAt).sort(),
		completedAt,
		completedOperations: [...operationAt.keys()],
		publishingPaused: paused,
		holdingStatementPostedAt: holdingPostedAt,
		lastPlan,
		peakLevel: peak,
		resolvedAt,
	};
}
