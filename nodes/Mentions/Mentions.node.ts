/**
 * Mentions: fetch brand mentions on demand, or replay a shipped sample crisis.
 * Programmatic (not declarative): sources paginate differently and everything is
 * normalised into the Mention record (docs/mention-record.md).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as sample from './actions/sample.operation';
import * as search from './actions/search.operation';
import * as getReplies from './actions/getReplies.operation';
import * as normalize from './actions/normalize.operation';
import { sourceCredentials } from './actions/sourceParameters';
import { routeOperation, type Operation } from '../shared/router';
import { MENTION_OUTPUTS } from './sources/failures';

/** Every operation runs per input item; Search and Get Account Posts also fill the Source Failures output. */
const operations: Record<string, Operation> = {
	search: { mode: 'perItem', execute: search.execute },
	getAccountPosts: { mode: 'perItem', execute: search.execute },
	getReplies: { mode: 'perItem', execute: getReplies.execute },
	normalize: { mode: 'perItem', execute: normalize.execute },
	getSample: { mode: 'perItem', execute: sample.execute },
};

export class Mentions implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mentions',
		name: 'mentions',
		icon: { light: 'file:mentions.svg', dark: 'file:mentions.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{ $parameter["operation"] === "getSample" ? "Sample: " + $parameter["sampleName"] : $parameter["operation"] }}',
		description: 'Get brand mentions as normalised Mention records (or replay a sample crisis)',
		defaults: { name: 'Mentions' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: MENTION_OUTPUTS,
		credentials: sourceCredentials(),
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Get Account Posts',
						value: 'getAccountPosts',
						action: 'Get posts of watched accounts',
						description: 'Recent posts of a watch list of influential accounts',
					},
					{
						name: 'Get Replies',
						value: 'getReplies',
						action: 'Get replies to a post',
						description: 'Replies and comments to one post: feedback on our own statements',
					},
					{
						name: 'Get Sample',
						value: 'getSample',
						action: 'Replay a sample crisis',
						description: 'Replay a shipped sample crisis (offline, no credential)',
					},
					{
						name: 'Normalize',
						value: 'normalize',
						action: 'Normalize imported mentions',
						description: 'Turn JSON or CSV rows from Brandwatch, Talkwalker, Mention.com or any tool into Mention records',
					},
					{
						name: 'Search',
						value: 'search',
						action: 'Search mentions',
						description: 'Mentions of a query over a time range on the selected sources',
					},
				],
				default: 'getSample',
			},
			...search.description,
			...getReplies.description,
			...normalize.description,
			...sample.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, operations, { outputs: 2 });
	}
}
