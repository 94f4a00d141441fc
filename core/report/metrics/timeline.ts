/** The timeline table and the steps the playbook planned (with their deadlines). */
import { oneLine } from '../escape';
import { iso, parseTime } from '../format';
import type { TimelineEntry } from '../types';
import type { ParsedEvent } from './events';
import { eventSummary } from './events';

const MAX_TIMELINE = 200;
const MAX_MARKERS = 12;
const MARKED_TYPES = new Set([
	'detected',
	'levelChanged',
	'planIssued',
	'statementApproved',
	'statementPosted',
	'publishingPaused',
	'publishingResumed',
	'resolved',
]);

export type PlannedSteps = Map<string, { deadline: number; label: string }>;

/** Steps of every `planIssued` event that have an id and a deadline, by step id. */
export function plannedSteps(events: ParsedEvent[]): PlannedSteps {
	const planned: PlannedSteps = new Map();
	for (const e of events) {
		if (e.event.type !== 'planIssued' || !e.event.details) continue;
		const steps = (e.event.details as Record<string, unknown>).steps;
		if (!Array.isArray(steps)) continue;
		for (const st of steps) {
			if (!st || typeof st !== 'object') continue;
			const rec = st as Record<string, unknown>;
			const id = typeof rec.id === 'string' ? rec.id : typeof rec.stepId === 'string' ? rec.stepId : null;
			const deadline = parseTime(rec.deadline);
			if (id === null || deadline === null) continue;
			const label = ['title', 'label', 'name', 'action'].map((k) => rec[k]).find((v) => typeof v === 'string' && v.trim());
			planned.set(id, { deadline, label: oneLine(label ?? id, 140) });
		}
	}
	return planned;
}

export function timelineEntries(events: ParsedEvent[], planned: PlannedSteps): TimelineEntry[] {
	const timeline: TimelineEntry[] = [];
	let markers = 0;
	for (const e of events.slice(0, MAX_TIMELINE)) {
		const marked = MARKED_TYPES.has(e.event.type) && markers < MAX_MARKERS;
		if (marked) markers++;
		timeline.push({
			n: timeline.length + 1,
			type: oneLine(e.event.type, 40),
			at: iso(e.at),
			actor: e.event.actor ? oneLine(e.event.actor, 80) : null,
			level: e.level,
			stepId: e.event.stepId ? oneLine(e.event.stepId, 80) : null,
			deadline: e.deadline !== null ? iso(e.deadline) : null,
			late: e.deadline !== null && e.at > e.deadline,
			summary: eventSummary(e.event) ?? (e.event.stepId && e.event.type !== 'planIssued' ? planned.get(e.event.stepId)?.label ?? null : null),
			marked,
		});
	}
	return timeline;
}
