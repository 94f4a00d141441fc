import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { scoreMention } from '../../../core/scoring/scoreMention';
import { readMention } from '../../shared/itemErrors';
import { sourceFailureOf } from '../../shared/sourceFailures';

const show = { show: { operation: ['scoreMentions'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Now',
				name: 'now',
				type: 'dateTime',
				default: '',
				description:
					'The instant engagement velocity is measured at. Empty uses the execution time; set it to replay past data deterministically.',
			},
			{
				displayName: 'Upstream Sentiment Field',
				name: 'sentimentField',
				type: 'string',
				default: '',
				placeholder: 'sentimentAnalysis.category',
				description:
					'Path of a sentiment already on the item (e.g. from n8n AI Sentiment Analysis). When set and present, it is used instead of Crisis Kit\'s own and the reasons say so.',
			},
		],
	},
];

function readPath(obj: unknown, path: string): unknown {
	let cur: unknown = obj;
	for (const key of path.split('.')) {
		if (cur === null || typeof cur !== 'object') return undefined;
		cur = (cur as Record<string, unknown>)[key];
	}
	return cur;
}

export async function execute(
	this: IExecuteFunctions,
	i: number,
	item: INodeExecutionData,
	executionNow: string,
): Promise<INodeExecutionData[]> {
	// A failed source's item (Mentions › Source Failures in the mentions output) passes through untouched.
	if (sourceFailureOf(item.json)) return [{ json: item.json, pairedItem: { item: i } }];
	const options = this.getNodeParameter('options', i, {}) as { now?: string; sentimentField?: string };
	let now = executionNow;
	if (options.now) {
		const ms = Date.parse(String(options.now));
		if (!Number.isFinite(ms)) {
			throw new NodeOperationError(this.getNode(), `Option "Now" of item ${i} is not a date: "${options.now}"`, {
				itemIndex: i,
			});
		}
		now = new Date(ms).toISOString();
	}
	const mention = readMention.call(this, item, i);
	const field = (options.sentimentField ?? '').trim();
	const upstream = field ? readPath(item.json, field) : undefined;
	const crisis = scoreMention(
		mention,
		{ upstreamSentiment: field && upstream !== undefined ? { field, value: upstream } : null },
		now,
	);
	return [{ json: { ...item.json, crisis } as unknown as INodeExecutionData['json'], pairedItem: { item: i } }];
}
