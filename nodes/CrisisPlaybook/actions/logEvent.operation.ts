/**
 * Log Event: one timeline event (detected, level changed, plan issued, statement drafted /
 * approved / posted, publishing paused / resumed, step completed, note, resolved) with its actor
 * and time. "From Input" turns the item of another operation (a plan, a draft, a pause or resume
 * report, a review) into its event. The output is the event, or a flat Data Table row.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { statementDraftedData } from '../../../core/playbook/draftStatement';
import { planIssuedData } from '../../../core/playbook/planResponse';
import { logEvent } from '../../../core/playbook/timeline';
import { TIMELINE_EVENT_TYPES } from '../../../core/playbook/types';
import type { Actor, ResponsePlan, StatementDraft, TimelineEvent, TimelineEventType } from '../../../core/playbook/types';
import { HINTS, incidentIdProperty, jsonParameter, nowOption, resolveNow, toJson, toTimelineEvent } from './common';

const OP = ['logEvent'];
const show = { show: { operation: OP } };

const TYPE_NAMES: Record<TimelineEventType, string> = {
	detected: 'Detected',
	levelChanged: 'Level Changed',
	planIssued: 'Plan Issued',
	statementDrafted: 'Statement Drafted',
	statementApproved: 'Statement Approved',
	statementRejected: 'Statement Rejected',
	statementPosted: 'Statement Posted',
	publishingPaused: 'Publishing Paused',
	publishingResumed: 'Publishing Resumed',
	stepCompleted: 'Step Completed',
	note: 'Note',
	resolved: 'Resolved',
};

export const description: INodeProperties[] = [
	incidentIdProperty(OP),
	{
		displayName: 'Event',
		name: 'eventType',
		type: 'options',
		displayOptions: show,
		options: [
			{
				name: 'From Input (Plan, Draft, Pause/Resume Report, Review)',
				value: 'fromInput',
				description: 'The event of the item another Crisis Playbook operation emitted',
			},
			{
				name: 'Several Events (JSON List)',
				value: 'eventList',
				description: 'One event per entry of a JSON list of {type, at, actorKind, actorId, actorName, data}',
			},
			...TIMELINE_EVENT_TYPES.map((t) => ({ name: TYPE_NAMES[t], value: t })),
		],
		default: 'fromInput',
	},
	{
		displayName: 'Data',
		name: 'eventData',
		type: 'json',
		default: '{}',
		displayOptions: { show: { operation: OP }, hide: { eventType: ['fromInput', 'eventList'] } },
		description:
			'The event\'s data (JSON), e.g. {"from": "alert", "to": "crisis"} for Level Changed, {"statementId": "…", "approverId": "commsLead", "text": "…"} for Statement Approved. See docs/crisis-playbook.md.',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'json',
		default: '[]',
		displayOptions: { show: { operation: OP, eventType: ['eventList'] } },
		description:
			'JSON list of events: [{"type": "stepCompleted", "at": "2026-03-05T09:10:00Z", "actorKind": "person", "actorId": "socialLead", "data": {"stepId": "alertCrisisCell"}}]. Actor fields default to those below.',
	},
	{
		displayName: 'Actor Kind',
		name: 'actorKind',
		type: 'options',
		displayOptions: show,
		options: [
			{ name: 'Person', value: 'person' },
			{ name: 'System', value: 'system' },
		],
		default: 'system',
	},
	{
		displayName: 'Actor ID',
		name: 'actorId',
		type: 'string',
		default: '',
		displayOptions: show,
		description: 'A contact ID of the document, an e-mail, or a workflow/node name. Empty: this node\'s name.',
	},
	{
		displayName: 'Actor Name',
		name: 'actorName',
		type: 'string',
		default: '',
		displayOptions: show,
	},
	{
		displayName: 'Options',
		name: 'eventOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'At',
				name: 'at',
				type: 'string',
				default: '',
				description: 'When it happened (RFC 3339, not after Now). Empty: Now.',
			},
			nowOption(),
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{ name: 'Event', value: 'event', description: 'The event object' },
					{
						name: 'Data Table Row',
						value: 'row',
						description: 'Flat columns eventId, incidentId, type, at, actorId, summary, event (JSON text): map it into a Data Table',
					},
				],
				default: 'event',
			},
		],
	},
];

interface EventOptions {
	at?: string;
	now?: string;
	output?: 'event' | 'row';
}

/** The flat Data Table row of an event (the `event` column holds the whole event as JSON). */
export function timelineRow(event: TimelineEvent): IDataObject {
	return {
		eventId: event.id,
		incidentId: event.incidentId,
		type: event.type,
		at: event.at,
		actorId: event.actor.id,
		summary: event.summary,
		event: JSON.stringify(event),
	};
}

export async function execute(this: IExecuteFunctions, i: number, item: INodeExecutionData, executionNow: string): Promise<INodeExecutionData[]> {
	const incidentId = (this.getNodeParameter('incidentId', i) as string).trim();
	const type = this.getNodeParameter('eventType', i) as TimelineEventType | 'fromInput' | 'eventList';
	const options = this.getNodeParameter('eventOptions', i, {}) as EventOptions;
	const now = resolveNow.call(this, options.now, i, executionNow);
	const actorId = (this.getNodeParameter('actorId', i, '') as string).trim() || this.getNode().name;
	const actorName = (this.getNodeParameter('actorName', i, '') as string).trim();
	const actor: Actor = { kind: this.getNodeParameter('actorKind', i, 'system') as Actor['kind'], id: actorId, ...(actorName ? { name: actorName } : {}) };
	const output = (e: TimelineEvent): INodeExecutionData => ({ json: options.output === 'row' ? timelineRow(e) : toJson(e) });
	if (type === 'eventList') {
		const list = jsonParameter.call(this, 'events', i) ?? [];
		if (!Array.isArray(list)) throw new NodeOperationError(this.getNode(), 'Events must be a JSON list', { itemIndex: i });
		return list.map((entry: IDataObject, k: number) => {
			const kind = (entry.actorKind as Actor['kind'] | undefined) ?? actor.kind;
			const id = (entry.actorId as string | undefined) ?? actor.id;
			const name = (entry.actorName as string | undefined) ?? (entry.actorId === undefined ? actor.name : undefined);
			try {
				return output(
					logEvent({
						incidentId,
						type: entry.type as TimelineEventType,
						actor: { kind, id, ...(name ? { name } : {}) },
						data: (entry.data ?? {}) as never,
						now,
						...(entry.at ? { at: String(entry.at) } : {}),
					}),
				);
			} catch (error) {
				throw new NodeOperationError(this.getNode(), `Events[${k}]: ${(error as Error).message}`, { itemIndex: i, description: HINTS.invalidEvent });
			}
		});
	}
	let event: TimelineEvent;
	if (type === 'fromInput') {
		event = fromInput.call(this, item.json, i, incidentId, actor, now, options.at);
	} else {
		const data = jsonParameter.call(this, 'eventData', i) ?? {};
		event = logEvent({ incidentId, type, actor, data: data as never, now, ...(options.at ? { at: options.at } : {}) });
	}
	return [output(event)];
}

function fromInput(this: IExecuteFunctions, json: IDataObject, i: number, incidentId: string, actor: Actor, now: string, at?: string): TimelineEvent {
	const base = { incidentId, actor, now, ...(at ? { at } : {}) };
	if (typeof json.planId === 'string' && Array.isArray(json.steps)) {
		return logEvent({ ...base, at: at ?? String(json.issuedAt ?? now), type: 'planIssued', data: planIssuedData(json as unknown as ResponsePlan) });
	}
	if (typeof json.statementId === 'string' && json.needsApproval === true) {
		return logEvent({ ...base, at: at ?? String(json.draftedAt ?? now), type: 'statementDrafted', data: statementDraftedData(json as unknown as StatementDraft) });
	}
	const pause = json.pauseRecord as IDataObject | undefined;
	if (json.operation === 'pausePublishing' && pause) {
		return logEvent({ ...base, at: at ?? String(pause.pausedAt ?? now), type: 'publishingPaused', data: { targets: (json.targets as string[]) ?? [], count: Number(json.pausedCount ?? 0) } });
	}
	if (json.operation === 'resumePublishing') {
		return logEvent({ ...base, type: 'publishingResumed', data: { targets: (json.targets as string[]) ?? [], count: Number(json.resumedCount ?? 0) } });
	}
	if (json.resolvedEvent && typeof json.resolvedEvent === 'object') {
		const resolved = toTimelineEvent(json.resolvedEvent);
		if (resolved) return resolved;
	}
	const own = toTimelineEvent(json.timelineEvent ?? json);
	if (own) return own;
	throw new NodeOperationError(this.getNode(), `Item ${i} has no event to log`, {
		itemIndex: i,
		description: 'With Event "From Input", the item must come from Plan Response, Draft Statement, Pause/Resume Publishing or Close Incident, or be a timeline event. Otherwise pick the event type.',
	});
}
