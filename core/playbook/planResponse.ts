/**
 * Plan Response: situation (+ mentions, + the incident's timeline so far) → the matched
 * scenario with its reasons, the steps due at this level with owners and absolute deadlines in
 * the document's time zone, and what changed since the last plan. Escalation adds steps and
 * may bring deadlines forward; it never repeats a step already done, and de-escalation never
 * drops an open commitment. Deterministic: same inputs and `now`, same plan.
 */
import type { DateTime } from 'luxon';

import type { CrisisDocument, Language, PlanLevel, Scenario, StepDefinition } from '../document/types';
import { LANGUAGES } from '../document/types';
import { isLevel, levelRank } from '../levels';
import type { Level } from '../levels';
import type { Situation } from '../scoring/types';
import { contentId } from './ids';
import { matchScenarios } from './matchScenario';
import type { PlaybookMention } from './matchScenario';
import { PlaybookError } from './playbookError';
import { requireDocument } from './requireDocument';
import {
	applicableLevel,
	contactRef,
	effectiveSteps,
	findScenario,
	findStepDefinition,
	resolveApproval,
} from './resolveSteps';
import { epochMs, parseInstant, toUtc, toZoned } from './time';
import { readTimeline } from './timeline';
import type { PlanChanges, PlannedStep, ResponsePlan, ScenarioMatch, TimelineEvent, TimelineEventData } from './types';

export interface PlanResponseInput {
	document: CrisisDocument;
	situation: Situation;
	/** RFC 3339; the plan's clock. */
	now: string;
	/** The mentions of the window, ideally scored (their `crisis.themes` help matching). */
	mentions?: readonly PlaybookMention[];
	incidentId?: string;
	/** The incident's timeline so far: done steps, paused publishing, the last plan. */
	timeline?: readonly TimelineEvent[];
	/** The last plan, when the timeline is not kept (it wins over the timeline's last plan). */
	previousPlan?: ResponsePlan | null;
	/** Steps done, in addition to those the timeline shows. */
	completedStepIds?: readonly string[];
	/** Force a scenario (a human decided). */
	scenarioId?: string;
	/** Language of step texts and key messages (default: the document's). */
	language?: Language;
}

/** SWITCH_FACTOR: another scenario must score this many times the current one to replace it. */
const SWITCH_FACTOR = 2;

interface PreviousState {
	level: Level;
	scenarioId: string;
	steps: Map<string, { dueAtUtc: string; firstPlannedAt: string; scenarioId: string; level: PlanLevel | null }>;
	statementDueAtUtc: string | null;
}

export function planResponse(input: PlanResponseInput): ResponsePlan {
	const document = requireDocument(input.document);
	const zone = document.timeZone;
	const now = parseInstant(input.now, 'now').setZone(zone);
	const situation = requireSituation(input.situation);
	const language = requireLanguage(document, input.language);
	const level = situation.level;
	const timeline = readTimeline(input.timeline ?? []);
	const previous = input.previousPlan ? fromPlan(input.previousPlan) : fromTimeline(input.timeline ?? []);
	const done = new Set<string>([...(input.completedStepIds ?? []), ...timeline.completedStepIds]);
	const isDone = (id: string, def?: StepDefinition): boolean =>
		done.has(id) || (def?.operation !== undefined && timeline.completedOperations.includes(def.operation));

	// 1. The scenario.
	const matches = matchScenarios(document, situation, input.mentions ?? []);
	const chosen = chooseScenario(document, matches, previous, input.scenarioId);
	const scenario = chosen.scenario;

	// 2. The steps due.
	const context: StepContext = { document, now, issuedAt: toUtc(now), language, previous, isDone };
	const changes = emptyChanges(previous, level, scenario.id);
	const plannedSteps = planSteps(context, effectiveSteps(document, scenario, level), changes);

	// 3. The holding statement and its approval.
	const applicable = applicableLevel(scenario, level);
	const statement = holdingStatement(context, scenario, applicable, timeline.holdingStatementPostedAt);
	const stance = applicable?.definition.stance ?? scenario.stance;

	// 4. Scheduled publishing.
	const publishing = publishingDecision(scenario, level, timeline.publishingPaused, applicable?.definition.pausePublishing ?? false);

	changes.summary = summariseChanges(changes, previous, level, plannedSteps.length);
	const scenarioName = scenario.name[language] ?? scenario.id;
	const issuedAt = context.issuedAt;
	return {
		planId: contentId('plan', {
			incidentId: input.incidentId ?? null,
			issuedAt,
			level,
			scenarioId: scenario.id,
			documentVersion: document.version,
			steps: plannedSteps.map((s) => [s.id, s.dueAtUtc]),
		}),
		incidentId: input.incidentId ?? null,
		documentVersion: document.version,
		issuedAt,
		timeZone: zone,
		language,
		level,
		previousLevel: previous?.level ?? null,
		scenario: { id: scenario.id, name: scenarioName, source: chosen.source, score: chosen.score, reasons: chosen.reasons },
		alternatives: matches.filter((m) => m.scenarioId !== scenario.id && m.score > 0).slice(0, 3),
		stance,
		keyMessages: [...(scenario.keyMessages[language] ?? [])],
		steps: plannedSteps,
		completedStepIds: [...done].sort(),
		statement,
		publishing,
		changes,
		reasons: planReasons(situation, scenarioName, chosen, stance, applicable),
	};
}

/** Why this plan: the level, the scenario choice, the stance. */
function planReasons(
	situation: Situation,
	scenarioName: string,
	chosen: ChosenScenario,
	stance: string,
	applicable: ReturnType<typeof applicableLevel>,
): string[] {
	return [
		`Level ${situation.level}${situation.reasons?.length ? `: ${situation.reasons.join('; ')}` : ''}`,
		`Scenario ${scenarioName} (${chosen.source}): ${chosen.reasons.join('; ')}`,
		`Stance: ${stance}${applicable?.definition.stance ? ` (set for ${applicable.level})` : ''}`,
	];
}

function requireSituation(situation: Situation): Situation {
	if (!situation || !isLevel(situation.level)) {
		throw new PlaybookError('invalidInput', `expected a level (calm, watch, alert, crisis, critical), got ${JSON.stringify(situation?.level)}`, 'situation.level');
	}
	return situation;
}

function requireLanguage(document: CrisisDocument, requested: Language | undefined): Language {
	const language = requested ?? document.defaultLanguage;
	if (!(LANGUAGES as readonly string[]).includes(language) || !document.languages.includes(language)) {
		throw new PlaybookError('invalidInput', `expected one of the document's languages (${document.languages.join(', ')}), got ${JSON.stringify(language)}`, 'language');
	}
	return language;
}

/** The changes record before the steps are planned (the step lists fill up as they are). */
function emptyChanges(previous: PreviousState | null, level: Level, scenarioId: string): PlanChanges {
	return {
		isFirstPlan: previous === null,
		levelChanged: previous && previous.level !== level ? { from: previous.level, to: level } : null,
		scenarioChanged: previous && previous.scenarioId !== scenarioId ? { from: previous.scenarioId, to: scenarioId } : null,
		addedSteps: [],
		tightenedSteps: [],
		carriedOverSteps: [],
		alreadyDoneSteps: [],
		summary: [],
	};
}

/** What every planned step is computed from. */
interface StepContext {
	document: CrisisDocument;
	now: DateTime;
	issuedAt: string;
	language: Language;
	previous: PreviousState | null;
	isDone: (id: string, def?: StepDefinition) => boolean;
}

type WantedSteps = ReturnType<typeof effectiveSteps>;
type OrderedStep = PlannedStep & { order: number };

/** The steps due at this level plus open steps carried over, sorted by deadline; fills `changes`. */
function planSteps(context: StepContext, wanted: WantedSteps, changes: PlanChanges): PlannedStep[] {
	const steps = [...wantedSteps(context, wanted, changes), ...carriedOverSteps(context, wanted, changes)];
	steps.sort((a, b) => epochMs(a.dueAtUtc) - epochMs(b.dueAtUtc) || a.order - b.order);
	return steps.map((s) => {
		const copy: Partial<typeof s> = { ...s };
		delete copy.order;
		return copy as PlannedStep;
	});
}

/** The steps this level lists: escalation may bring a deadline forward, never push it back. */
function wantedSteps(context: StepContext, wanted: WantedSteps, changes: PlanChanges): OrderedStep[] {
	const { document, now, previous } = context;
	const steps: OrderedStep[] = [];
	for (const step of wanted.values()) {
		if (context.isDone(step.id, step.definition)) {
			changes.alreadyDoneSteps.push(step.id);
			continue;
		}
		const fresh = now.plus({ minutes: step.definition.deadlineMinutes });
		const prev = previous?.steps.get(step.id);
		let due: DateTime = fresh;
		let firstPlannedAt = context.issuedAt;
		if (prev) {
			firstPlannedAt = prev.firstPlannedAt;
			const prevDue = parseInstant(prev.dueAtUtc, `previousPlan.steps.${step.id}.dueAt`);
			if (fresh.toMillis() < prevDue.toMillis()) {
				changes.tightenedSteps.push({ id: step.id, fromUtc: toUtc(prevDue), toUtc: toUtc(fresh) });
			} else {
				due = prevDue.setZone(document.timeZone);
			}
			changes.carriedOverSteps.push(step.id);
		} else {
			changes.addedSteps.push(step.id);
		}
		steps.push({
			...plannedStep(document, step.id, step.definition, step.scenarioId, step.level, context.language, due, firstPlannedAt, now, !prev),
			order: step.order,
		});
	}
	return steps;
}

/**
 * Open steps of earlier plans that this level does not list (other scenario, lower level after
 * a drop) stay: a commitment made is kept until done.
 */
function carriedOverSteps(context: StepContext, wanted: WantedSteps, changes: PlanChanges): OrderedStep[] {
	const { document, previous } = context;
	const steps: OrderedStep[] = [];
	if (!previous) return steps;
	let order = wanted.size;
	for (const [id, prev] of previous.steps) {
		if (wanted.has(id)) continue;
		const found = findStepDefinition(document, id, findScenarioOrNull(document, prev.scenarioId));
		if (!found || context.isDone(id, found.definition)) continue;
		const due = parseInstant(prev.dueAtUtc, `previousPlan.steps.${id}.dueAt`).setZone(document.timeZone);
		changes.carriedOverSteps.push(id);
		steps.push({
			...plannedStep(document, id, found.definition, found.scenarioId, prev.level ?? found.level, context.language, due, prev.firstPlannedAt, context.now, false),
			order: order++,
		});
	}
	return steps;
}

/** The holding statement due at this level (its deadline never moves later), or null. */
function holdingStatement(
	context: StepContext,
	scenario: Scenario,
	applicable: ReturnType<typeof applicableLevel>,
	postedAt: string | null,
): ResponsePlan['statement'] {
	const { document, now, previous } = context;
	// Resolved even when no statement is due: an approver missing from contacts fails every plan.
	const approval = resolveApproval(document, scenario);
	if (!applicable) return null;
	const zone = document.timeZone;
	const fresh = now.plus({ minutes: applicable.definition.deadlineMinutes });
	const prevDue = previous?.statementDueAtUtc ? parseInstant(previous.statementDueAtUtc, 'previousPlan.statement.dueAt') : null;
	const due = prevDue && prevDue.toMillis() <= fresh.toMillis() ? prevDue.setZone(zone) : fresh;
	return {
		kind: 'holding',
		status: postedAt ? 'posted' : 'due',
		deadlineMinutes: applicable.definition.deadlineMinutes,
		dueAt: toZoned(due, zone),
		dueAtUtc: toUtc(due),
		approval,
	};
}

function plannedStep(
	document: CrisisDocument,
	id: string,
	definition: StepDefinition,
	scenarioId: string,
	level: PlanLevel,
	language: Language,
	due: DateTime,
	firstPlannedAt: string,
	now: DateTime,
	isNew: boolean,
): PlannedStep {
	const step: PlannedStep = {
		id,
		action: definition.action[language] ?? definition.action[document.defaultLanguage] ?? id,
		ownerId: definition.owner,
		owner: contactRef(document, definition.owner),
		channel: definition.channel,
		scenarioId,
		level,
		deadlineMinutes: definition.deadlineMinutes,
		firstPlannedAt,
		dueAt: toZoned(due, document.timeZone),
		dueAtUtc: toUtc(due),
		status: due.toMillis() < now.toMillis() ? 'overdue' : isNew ? 'new' : 'open',
	};
	if (definition.backupOwner) step.backupOwner = contactRef(document, definition.backupOwner);
	if (definition.operation) step.operation = definition.operation;
	return step;
}

function findScenarioOrNull(document: CrisisDocument, id: string): Scenario | null {
	return document.scenarios.find((s) => s.id === id) ?? null;
}

interface ChosenScenario {
	scenario: Scenario;
	source: ResponsePlan['scenario']['source'];
	score: number;
	reasons: string[];
}

function chooseScenario(
	document: CrisisDocument,
	matches: ScenarioMatch[],
	previous: PreviousState | null,
	forced: string | undefined,
): ChosenScenario {
	const scoreOf = (id: string): ScenarioMatch | undefined => matches.find((m) => m.scenarioId === id);
	if (forced !== undefined) {
		const scenario = findScenario(document, forced, 'scenarioId');
		return { scenario, source: 'forced', score: scoreOf(forced)?.score ?? 0, reasons: ['chosen by hand', ...(scoreOf(forced)?.reasons ?? [])] };
	}
	const best = matches[0];
	const previousScenario = previous ? findScenarioOrNull(document, previous.scenarioId) : null;
	if (previousScenario) {
		const current = scoreOf(previousScenario.id);
		const currentScore = current?.score ?? 0;
		if (best && best.scenarioId !== previousScenario.id && best.score > 0 && best.score >= SWITCH_FACTOR * Math.max(currentScore, 1)) {
			return {
				scenario: findScenario(document, best.scenarioId, 'scenarioId'),
				source: 'matched',
				score: best.score,
				reasons: [...best.reasons, `scores ${best.score} against ${currentScore} for the previous scenario ${previousScenario.id}`],
			};
		}
		return {
			scenario: previousScenario,
			source: 'kept',
			score: currentScore,
			reasons: [
				'kept from the previous plan (changing scenario mid-incident restarts the playbook; another one must score twice as much)',
				...(current?.reasons ?? []),
			],
		};
	}
	if (best && best.score > 0) {
		return { scenario: findScenario(document, best.scenarioId, 'scenarioId'), source: 'matched', score: best.score, reasons: best.reasons };
	}
	return {
		scenario: findScenario(document, document.fallbackScenarioId, 'fallbackScenarioId'),
		source: 'fallback',
		score: 0,
		reasons: ['no scenario matched the themes or the cues of the mentions; using the fallback scenario'],
	};
}

function publishingDecision(
	scenario: Scenario,
	level: Level,
	paused: boolean,
	levelPauses: boolean,
): ResponsePlan['publishing'] {
	if (levelPauses && !paused) {
		return { action: 'pause', reason: `the ${scenario.id} scenario pauses scheduled publishing at ${level}` };
	}
	if (paused && (levelPauses || levelRank(level) > levelRank('watch'))) {
		return {
			action: 'keepPaused',
			reason: levelPauses
				? `publishing is paused and ${level} keeps it paused`
				: `publishing is paused; resume once the level is back to watch or calm (now ${level})`,
		};
	}
	if (paused) return { action: 'resume', reason: `the level is back to ${level}: scheduled publishing can resume (a human decides)` };
	return { action: 'none', reason: `the ${scenario.id} scenario does not pause publishing at ${level}` };
}

function summariseChanges(changes: PlanChanges, previous: PreviousState | null, level: Level, open: number): string[] {
	const out: string[] = [];
	if (!previous) out.push(`First plan for this incident, at ${level}: ${open} open steps.`);
	if (changes.levelChanged) {
		const up = levelRank(changes.levelChanged.to) > levelRank(changes.levelChanged.from);
		out.push(
			up
				? `Level went up from ${changes.levelChanged.from} to ${changes.levelChanged.to}: ${changes.addedSteps.length} steps added.`
				: `Level went down from ${changes.levelChanged.from} to ${changes.levelChanged.to}: open steps are kept, none added.`,
		);
	} else if (previous) {
		out.push(`Level unchanged (${level}): ${changes.addedSteps.length} steps added.`);
	}
	if (changes.scenarioChanged) out.push(`Scenario changed from ${changes.scenarioChanged.from} to ${changes.scenarioChanged.to}.`);
	if (changes.alreadyDoneSteps.length) out.push(`Already done, not repeated: ${changes.alreadyDoneSteps.join(', ')}.`);
	for (const t of changes.tightenedSteps) out.push(`Deadline brought forward for ${t.id}: ${t.fromUtc} → ${t.toUtc}.`);
	return out;
}

function fromPlan(plan: ResponsePlan): PreviousState {
	const steps: PreviousState['steps'] = new Map();
	for (const s of plan.steps) {
		steps.set(s.id, { dueAtUtc: s.dueAtUtc, firstPlannedAt: s.firstPlannedAt, scenarioId: s.scenarioId, level: s.level });
	}
	return { level: plan.level, scenarioId: plan.scenario.id, steps, statementDueAtUtc: plan.statement?.dueAtUtc ?? null };
}

function fromTimeline(events: readonly TimelineEvent[]): PreviousState | null {
	const plans = events
		.filter((e): e is TimelineEvent<'planIssued'> => e.type === 'planIssued')
		.sort((a, b) => epochMs(a.at) - epochMs(b.at) || (a.id < b.id ? -1 : 1));
	if (plans.length === 0) return null;
	const firstPlanned = new Map<string, string>();
	for (const p of plans) for (const s of p.data.steps) if (!firstPlanned.has(s.id)) firstPlanned.set(s.id, p.at);
	const last = plans[plans.length - 1];
	const steps: PreviousState['steps'] = new Map();
	for (const s of last.data.steps) {
		steps.set(s.id, {
			dueAtUtc: toUtc(parseInstant(s.dueAt, `timeline.planIssued.steps.${s.id}.dueAt`)),
			firstPlannedAt: firstPlanned.get(s.id) ?? last.at,
			scenarioId: last.data.scenarioId,
			level: null,
		});
	}
	return {
		level: last.data.level,
		scenarioId: last.data.scenarioId,
		steps,
		statementDueAtUtc: last.data.statementDueAt ? toUtc(parseInstant(last.data.statementDueAt, 'timeline.planIssued.statementDueAt')) : null,
	};
}

/** The data of the `planIssued` event that records `plan` on the timeline. */
export function planIssuedData(plan: ResponsePlan): TimelineEventData['planIssued'] {
	const data: TimelineEventData['planIssued'] = {
		planId: plan.planId,
		level: plan.level,
		scenarioId: plan.scenario.id,
		documentVersion: plan.documentVersion,
		steps: plan.steps.map((s) => (s.operation ? { id: s.id, ownerId: s.ownerId, dueAt: s.dueAtUtc, operation: s.operation } : { id: s.id, ownerId: s.ownerId, dueAt: s.dueAtUtc })),
	};
	if (plan.statement && plan.statement.status === 'due') data.statementDueAt = plan.statement.dueAtUtc;
	return data;
}
