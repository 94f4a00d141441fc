/**
 * From the document to concrete step definitions: library references merged with their
 * overrides, contacts looked up, and the cumulative steps of a scenario at a level (a level
 * includes the steps of the levels below it; a higher level's definition of a step wins).
 */
import { levelRank } from '../levels';
import type { Level } from '../levels';
import { PLAN_LEVELS } from '../document/types';
import type {
	ApprovalRule,
	CrisisDocument,
	PlanLevel,
	Scenario,
	ScenarioLevel,
	StepDefinition,
	StepEntry,
} from '../document/types';
import { PlaybookError } from './playbookError';
import type { ContactRef, ResolvedApproval } from './types';

export interface EffectiveStep {
	id: string;
	definition: StepDefinition;
	scenarioId: string;
	level: PlanLevel;
	/** Position in the document, to keep a stable order. */
	order: number;
}

export function resolveEntry(document: CrisisDocument, entry: StepEntry): { id: string; definition: StepDefinition } {
	if ('ref' in entry) {
		const base = document.steps[entry.ref];
		if (!base) throw new PlaybookError('invalidDocument', `step "${entry.ref}" is not in the step library`);
		const definition: StepDefinition = { ...base };
		if (entry.owner !== undefined) definition.owner = entry.owner;
		if (entry.backupOwner !== undefined) definition.backupOwner = entry.backupOwner;
		if (entry.channel !== undefined) definition.channel = entry.channel;
		if (entry.deadlineMinutes !== undefined) definition.deadlineMinutes = entry.deadlineMinutes;
		return { id: entry.ref, definition };
	}
	const { id, ...definition } = entry;
	return { id, definition };
}

/** The steps `scenario` asks for at `level`, cumulative from watch up. */
export function effectiveSteps(document: CrisisDocument, scenario: Scenario, level: Level): Map<string, EffectiveStep> {
	const out = new Map<string, EffectiveStep>();
	let order = 0;
	for (const planLevel of PLAN_LEVELS) {
		if (levelRank(planLevel) > levelRank(level)) break;
		const def = scenario.levels[planLevel];
		if (!def) continue;
		for (const entry of def.steps) {
			const { id, definition } = resolveEntry(document, entry);
			const previous = out.get(id);
			out.set(id, { id, definition, scenarioId: scenario.id, level: planLevel, order: previous ? previous.order : order++ });
		}
	}
	return out;
}

/** The scenario level that applies at `level`: the highest one defined at or below it. */
export function applicableLevel(scenario: Scenario, level: Level): { level: PlanLevel; definition: ScenarioLevel } | null {
	let found: { level: PlanLevel; definition: ScenarioLevel } | null = null;
	for (const planLevel of PLAN_LEVELS) {
		if (levelRank(planLevel) > levelRank(level)) break;
		const def = scenario.levels[planLevel];
		if (def) found = { level: planLevel, definition: def };
	}
	return found;
}

/** Finds how a step id is defined, preferring `scenario`, then any scenario, then the library. */
export function findStepDefinition(
	document: CrisisDocument,
	id: string,
	scenario: Scenario | null,
): EffectiveStep | null {
	const scenarios = scenario ? [scenario, ...document.scenarios.filter((s) => s.id !== scenario.id)] : document.scenarios;
	for (const s of scenarios) {
		const steps = effectiveSteps(document, s, 'critical');
		const found = steps.get(id);
		if (found) return found;
	}
	const base = document.steps[id];
	if (base) return { id, definition: { ...base }, scenarioId: scenario?.id ?? '', level: 'watch', order: 0 };
	return null;
}

export function contactRef(document: CrisisDocument, id: string): ContactRef {
	const c = document.contacts.find((x) => x.id === id);
	if (!c) throw new PlaybookError('invalidDocument', `contact "${id}" is not in contacts`);
	const ref: ContactRef = { id: c.id, name: c.name, role: c.role, email: c.email };
	if (c.phone !== undefined) ref.phone = c.phone;
	return ref;
}

export function resolveApproval(document: CrisisDocument, scenario: Scenario): ResolvedApproval {
	const rule: ApprovalRule = scenario.approval ?? document.approval;
	return {
		required: true,
		approverId: rule.approver,
		approver: contactRef(document, rule.approver),
		deputyId: rule.deputy,
		deputy: contactRef(document, rule.deputy),
		timeoutMinutes: rule.timeoutMinutes,
	};
}

export function findScenario(document: CrisisDocument, id: string, path: string): Scenario {
	const scenario = document.scenarios.find((s) => s.id === id);
	if (!scenario) {
		throw new PlaybookError(
			'unknownScenario',
			`expected a scenario id of the document (one of ${document.scenarios.map((s) => s.id).join(', ')}), got ${JSON.stringify(id)}`,
			path,
		);
	}
	return scenario;
}
