/**
 * Plan Response: each input item is a situation (Crisis Score › Assess Situation). Situations
 * are planned in time order as one incident, each plan seeing the plans before it, so a batch
 * "alert, then crisis" gives the escalation (steps added, done ones never repeated).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { LANGUAGES } from '../../../core/document/types';
import type { Language } from '../../../core/document/types';
import { planIssuedData, planResponse } from '../../../core/playbook/planResponse';
import { logEvent } from '../../../core/playbook/timeline';
import type { TimelineEvent } from '../../../core/playbook/types';
import { isLevel } from '../../../core/levels';
import type { Situation } from '../../../core/scoring/types';
import { itemFailure } from '../../shared/router';
import { sourceFailureOf, uniqueFailures, type SourceFailureSummary } from '../../shared/sourceFailures';
import {
	crisisDocumentProperties,
	documentFor,
	incidentIdProperty,
	mentionsParameter,
	nowOption,
	playbookNodeError,
	resolveNow,
	timelineParameter,
	toJson,
} from './common';

const OP = ['planResponse'];

export const description: INodeProperties[] = [
	...crisisDocumentProperties(OP),
	incidentIdProperty(OP, false),
	{
		displayName: 'Mentions',
		name: 'mentions',
		type: 'json',
		default: '',
		displayOptions: { show: { operation: OP } },
		description: 'Optional: the scored mentions (JSON array), used to match the scenario. E.g. {{ $(\'Crisis Score\').all().map(i => i.JSON) }}. Only those inside each situation\'s window count.',
	},
	{
		displayName: 'Timeline',
		name: 'timeline',
		type: 'json',
		default: '',
		displayOptions: { show: { operation: OP } },
		description:
			'Optional: the incident\'s timeline so far (JSON array of events or Data Table rows with an `event` column): steps done, publishing paused, the last plan',
	},
	{
		displayName: 'Options',
		name: 'planOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { operation: OP } },
		options: [
			{
				displayName: 'Language',
				name: 'language',
				type: 'options',
				options: [
					{ name: 'Document Default', value: '' },
					{ name: 'English', value: 'en' },
					{ name: 'French', value: 'fr' },
				],
				default: '',
				description: 'Language of the step texts and key messages',
			},
			nowOption(),
			{
				displayName: 'Scenario ID',
				name: 'scenarioId',
				type: 'string',
				default: '',
				description: 'Force a scenario of the document (a human decided); empty matches one from the situation and mentions',
			},
		],
	},
];

interface PlanOptions {
	language?: string;
	now?: string;
	scenarioId?: string;
}

function readSituation(this: IExecuteFunctions, json: IDataObject, i: number): Situation {
	const s = json as unknown as Situation;
	if (!isLevel(s.level) || typeof s.windowEnd !== 'string') {
		throw new NodeOperationError(this.getNode(), `Item ${i} is not a situation (no level/windowEnd)`, {
			itemIndex: i,
			description: 'Plan Response reads the situations of Crisis Score › Assess Situation (one per item).',
		});
	}
	return {
		level: s.level,
		windowStart: String(s.windowStart ?? s.windowEnd),
		windowEnd: s.windowEnd,
		assessedAt: String(s.assessedAt ?? s.windowEnd),
		reasons: Array.isArray(s.reasons) ? s.reasons : [],
		metrics: (s.metrics ?? {}) as Situation['metrics'],
		themes: Array.isArray(s.themes) ? s.themes : [],
	};
}

export async function execute(this: IExecuteFunctions, executionNow: string): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	// Plan in situation order (a Merge of level outputs does not keep time order).
	const order = items
		.map((item, i) => ({ i, at: Date.parse(String(item.json.assessedAt ?? item.json.windowEnd ?? '')) }))
		.sort((a, b) => (Number.isFinite(a.at) ? a.at : Infinity) - (Number.isFinite(b.at) ? b.at : Infinity) || a.i - b.i);
	const issued = new Map<string, TimelineEvent[]>();
	// A failed source's item is no situation: left out, and counted on every plan.
	const failures: SourceFailureSummary[] = [];
	for (const { i } of order) {
		const failure = sourceFailureOf(items[i].json);
		if (failure) {
			failures.push(failure);
			continue;
		}
		try {
			const situation = readSituation.call(this, items[i].json, i);
			const document = documentFor.call(this, i);
			const options = this.getNodeParameter('planOptions', i, {}) as PlanOptions;
			const now = resolveNow.call(this, options.now, i, executionNow);
			const incidentId = (this.getNodeParameter('incidentId', i, '') as string).trim();
			const language = options.language && (LANGUAGES as readonly string[]).includes(options.language) ? (options.language as Language) : undefined;
			const from = Date.parse(situation.windowStart);
			const to = Date.parse(situation.windowEnd);
			const mentions = mentionsParameter.call(this, i).filter((m) => {
				const t = Date.parse(m.publishedAt);
				return t >= from && t <= to;
			});
			const key = incidentId || '(none)';
			// A plan knows only what had happened by its `now` (replays give a later timeline).
			const known = Date.parse(now);
			const timeline = [...timelineParameter.call(this, 'timeline', i), ...(issued.get(key) ?? [])].filter((e) => Date.parse(e.at) <= known);
			const plan = planResponse({
				document,
				situation,
				mentions,
				timeline,
				now,
				...(incidentId ? { incidentId } : {}),
				...(language ? { language } : {}),
				...(options.scenarioId ? { scenarioId: options.scenarioId } : {}),
			});
			const planned = (id: string): TimelineEvent =>
				logEvent({ incidentId: id, type: 'planIssued', actor: { kind: 'system', id: this.getNode().name }, at: now, now, data: planIssuedData(plan) });
			const event = incidentId ? planned(incidentId) : null;
			// Without an incident id the plan still feeds the next situation of this batch.
			issued.set(key, [...(issued.get(key) ?? []), event ?? planned('batch')]);
			out.push({ json: { ...toJson(plan), timelineEvent: event ? toJson(event) : null }, pairedItem: { item: i } });
		} catch (error) {
			out.push(itemFailure.call(this, error, i, playbookNodeError));
		}
	}
	if (failures.length) {
		const list = uniqueFailures(failures) as unknown as IDataObject[];
		for (const item of out) if (!('error' in item.json)) item.json.sourceFailures = list;
	}
	return [out];
}
