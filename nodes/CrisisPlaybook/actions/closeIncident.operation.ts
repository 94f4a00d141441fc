/**
 * Close Incident: reads the incident's timeline (input items that are events or Data Table rows,
 * plus the Timeline parameter), its mentions and an optional backtest, and emits one review:
 * time to detect and to acknowledge, peak level, and the findings the document should learn
 * from. Its `resolvedEvent` goes on the timeline; Propose Document Update turns it into a new
 * document version.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { closeIncident } from '../../../core/playbook/closeIncident';
import type { BacktestSummary, TimelineEvent } from '../../../core/playbook/types';
import {
	crisisDocumentProperties,
	documentFor,
	ERRORS,
	incidentIdProperty,
	jsonParameter,
	mentionsParameter,
	nowOption,
	resolveNow,
	timelineParameter,
	toJson,
	toTimelineEvent,
} from './common';
import { sourceFailureOf, uniqueFailures, type SourceFailureSummary } from '../../shared/sourceFailures';

const OP = ['closeIncident'];
const show = { show: { operation: OP } };

export const description: INodeProperties[] = [
	...crisisDocumentProperties(OP),
	incidentIdProperty(OP),
	{
		displayName: 'Timeline',
		name: 'timeline',
		type: 'json',
		default: '',
		displayOptions: show,
		description: 'Optional: the incident\'s events (JSON array of events or Data Table rows). Input items that are events count too.',
	},
	{
		displayName: 'Mentions',
		name: 'mentions',
		type: 'json',
		default: '',
		displayOptions: show,
		description: 'The incident\'s scored mentions (JSON array). Input items that are mentions count too.',
	},
	{
		displayName: 'Backtest',
		name: 'backtest',
		type: 'json',
		default: '',
		displayOptions: show,
		description: 'Optional: false alarms and late alerts from Crisis Score › Backtest ({"falseAlarms": […], "lateAlerts": […]})',
	},
	{
		displayName: 'Options',
		name: 'closeOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Closed By',
				name: 'closedBy',
				type: 'string',
				default: '',
				description: 'Contact ID of the person who closes the incident (the actor of the resolved event). Empty: this node.',
			},
			nowOption(),
		],
	},
];

export async function execute(this: IExecuteFunctions, executionNow: string): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const document = documentFor.call(this, 0);
	const incidentId = (this.getNodeParameter('incidentId', 0) as string).trim();
	const options = this.getNodeParameter('closeOptions', 0, {}) as { closedBy?: string; now?: string };
	const now = resolveNow.call(this, options.now, 0, executionNow);
	const byId = new Map<string, TimelineEvent>();
	for (const e of timelineParameter.call(this, 'timeline', 0)) byId.set(e.id, e);
	const mentions = mentionsParameter.call(this, 0);
	const failures: SourceFailureSummary[] = [];
	for (const item of items) {
		const failure = sourceFailureOf(item.json);
		if (failure) {
			failures.push(failure);
			continue;
		}
		const event = toTimelineEvent(item.json);
		if (event) byId.set(event.id, event);
		else if (typeof item.json.publishedAt === 'string' && typeof item.json.platform === 'string') mentions.push(item.json as never);
	}
	const timeline = [...byId.values()].filter((e) => e.incidentId === incidentId);
	if (!timeline.length) {
		throw new NodeOperationError(this.getNode(), ERRORS.noTimeline(incidentId), {
			itemIndex: 0,
			description: `${byId.size} event(s) read, none of this incident. Feed the timeline (Data Table rows or Log Event outputs) as input items or in Timeline.`,
		});
	}
	const backtest = jsonParameter.call(this, 'backtest', 0) as BacktestSummary | undefined;
	const review = closeIncident({
		document,
		incidentId,
		timeline,
		mentions,
		now,
		...(backtest ? { backtest } : {}),
		actor: options.closedBy ? { kind: 'person', id: options.closedBy } : { kind: 'system', id: this.getNode().name },
	});
	const json: IDataObject = { ...toJson(review), eventsRead: timeline.length, mentionsRead: mentions.length };
	if (failures.length) json.sourceFailures = uniqueFailures(failures) as unknown as IDataObject[];
	return [[{ json, pairedItem: items.map((_, item) => ({ item })) }]];
}
