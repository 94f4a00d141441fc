/**
 * Glue shared by the Crisis Playbook operations: JSON parameters, the crisis document, `now`,
 * timeline items, and turning a PlaybookError into an error the user can act on.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { CrisisDocument } from '../../../core/document/types';
import type { PlaybookMention } from '../../../core/playbook/matchScenario';
import { PlaybookError } from '../../../core/playbook/playbookError';
import { logEvent, validateTimelineEvent } from '../../../core/playbook/timeline';
import type { Actor, TimelineEvent, TimelineEventType } from '../../../core/playbook/types';
import { crisisDocumentProperties as sharedCrisisDocumentProperties, readCrisisDocument } from '../../shared/crisisDocument';

/** Re-exported: the operations of this node import their helpers from here. */
export { nowOption, resolveNow } from '../../shared/now';

export const HINTS: Record<string, string> = {
	invalidInput: 'Check the input item and the parameters named in the message.',
	invalidTime: 'Times are RFC 3339 (2026-03-05T09:00:00Z).',
	unknownScenario: 'Use a scenario id of your crisis document (docs/crisis-document.md), or leave Scenario empty to match one.',
	unknownStatement: 'The scenario has no statement of that kind: add it to the document or pick another kind.',
	unknownPlaceholder: 'Only the built-in placeholders and those declared in the document\'s `placeholders` are allowed.',
	missingPlaceholderValue: 'Give a value under Variables, or a `fallback` in the document\'s placeholder.',
	invalidEvent: 'Timeline events are described in docs/crisis-playbook.md (type, actor, data per type).',
	invalidDocument: 'Validate the crisis document (docs/crisis-document.md).',
};

export const ERRORS = {
	nothingPaused: (incidentId: string) => `Nothing was paused for incident "${incidentId}"`,
	noTarget: 'Select at least one target to pause',
	notAPlan: 'The input item is not a plan from Plan Response nor a situation from Crisis Score › Assess Situation',
	noTimeline: (incidentId: string) => `No timeline event of incident "${incidentId}" in the input`,
	noReview: 'The input item is not a review from Close Incident (it has no `findings`)',
	notJson: (name: string) => `Parameter "${name}" is not valid JSON`,
};

export function crisisDocumentProperties(operations: string[]): INodeProperties[] {
	return sharedCrisisDocumentProperties({ show: { operation: operations } });
}

export function incidentIdProperty(operations: string[], required = true): INodeProperties {
	return {
		displayName: 'Incident ID',
		name: 'incidentId',
		type: 'string',
		default: '',
		required,
		placeholder: 'orvia-leak-2026-03-05',
		displayOptions: { show: { operation: operations } },
		description: 'Identifies the incident on the timeline and in the pause record (letters, digits, _ . : -).',
	};
}

/** The crisis document of item `i` (explicit: the example only when "Crisis Document Source" says so). */
export function documentFor(this: IExecuteFunctions, i: number): CrisisDocument {
	return readCrisisDocument.call(this, i);
}

/** Reads a JSON parameter that may arrive as text or as an object/array; '' → undefined. */
export function jsonParameter(this: IExecuteFunctions, name: string, i: number): unknown {
	return parseJsonValue.call(this, name, this.getNodeParameter(name, i, '') as unknown, i);
}

export function parseJsonValue(this: IExecuteFunctions, name: string, raw: unknown, i: number): unknown {
	if (raw === '' || raw === null || raw === undefined) return undefined;
	if (typeof raw !== 'string') return raw;
	if (raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw) as unknown;
	} catch (error) {
		throw new NodeOperationError(this.getNode(), ERRORS.notJson(name), { itemIndex: i, description: (error as Error).message });
	}
}

/** Mentions given as a JSON array (usually an expression such as `$('Crisis Score').all().map(i => i.json)`). */
export function mentionsParameter(this: IExecuteFunctions, i: number, raw?: unknown): PlaybookMention[] {
	const value = raw === undefined ? jsonParameter.call(this, 'mentions', i) : parseJsonValue.call(this, 'mentions', raw, i);
	if (value === undefined) return [];
	const list = Array.isArray(value) ? value : [value];
	return list.filter((m): m is PlaybookMention => !!m && typeof m === 'object' && typeof (m as IDataObject).publishedAt === 'string');
}

/**
 * Reads a timeline event from an item or a Data Table row: the event itself, or a row whose
 * `event` column holds it (object or JSON text). Returns null for anything else.
 */
export function toTimelineEvent(value: unknown): TimelineEvent | null {
	let candidate: unknown = value;
	if (candidate && typeof candidate === 'object' && !('type' in (candidate as object) && 'actor' in (candidate as object))) {
		const inner = (candidate as IDataObject).event ?? (candidate as IDataObject).timelineEvent;
		if (inner !== undefined) candidate = inner;
	}
	if (typeof candidate === 'string') {
		try {
			candidate = JSON.parse(candidate);
		} catch {
			return null;
		}
	}
	const checked = validateTimelineEvent(candidate);
	if (checked.ok) return checked.event;
	// A hand-written event without id (type, incidentId, at, actor, data): build it.
	const draft = candidate as IDataObject | null;
	if (draft && typeof draft === 'object' && draft.id === undefined && typeof draft.at === 'string' && typeof draft.type === 'string') {
		try {
			return logEvent({
				incidentId: String(draft.incidentId),
				type: draft.type as TimelineEventType,
				actor: draft.actor as unknown as Actor,
				data: (draft.data ?? {}) as never,
				at: draft.at,
				now: draft.at,
			});
		} catch {
			return null;
		}
	}
	return null;
}

/** Events from a JSON parameter (array of events or rows); invalid entries are named in the error. */
export function timelineParameter(this: IExecuteFunctions, name: string, i: number): TimelineEvent[] {
	const value = jsonParameter.call(this, name, i);
	if (value === undefined) return [];
	const list = Array.isArray(value) ? value : [value];
	const events: TimelineEvent[] = [];
	list.forEach((entry, k) => {
		const event = toTimelineEvent(entry);
		if (!event) {
			const checked = validateTimelineEvent(entry);
			const why = checked.ok ? '' : checked.errors.slice(0, 3).map((e) => e.message).join('; ');
			throw new NodeOperationError(this.getNode(), `Timeline entry ${k} is not a valid timeline event: ${why}`, {
				itemIndex: i,
				description: HINTS.invalidEvent,
			});
		}
		events.push(event);
	});
	return events;
}

/** PlaybookError (and anything else) → NodeOperationError with the item index and a hint. */
export function playbookNodeError(this: IExecuteFunctions, error: unknown, i: number): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	if (error instanceof PlaybookError) {
		return new NodeOperationError(this.getNode(), error.message, { itemIndex: i, description: HINTS[error.code] });
	}
	return new NodeOperationError(this.getNode(), error instanceof Error ? error : String(error), { itemIndex: i });
}

/** JSON-safe copy for output items. */
export function toJson<T>(value: T): IDataObject {
	return JSON.parse(JSON.stringify(value)) as IDataObject;
}
